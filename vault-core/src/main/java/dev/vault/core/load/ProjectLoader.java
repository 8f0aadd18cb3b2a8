package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSetMultimap;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.dialect.JdbcDriver;
import dev.vault.core.dialect.SqlDialect;
import dev.vault.core.maintenance.MaintenancePolicy;
import dev.vault.core.model.DeclaredTest;
import dev.vault.core.model.Location;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelGraph;
import dev.vault.core.model.Project;
import dev.vault.core.project.ProjectConfig;
import dev.vault.core.yaml.YamlException;
import dev.vault.core.yaml.YamlNode;
import dev.vault.core.yaml.YamlReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads a models project: {@code vault.yml} at its root and every {@code .yml}/{@code .yaml}
 * file under its model paths. Either the whole project is valid, or a single
 * {@link Problems.InvalidProjectException} lists every problem with its file, line and column.
 */
public final class ProjectLoader
{
    private ProjectLoader() {}

    /**
     * Loads a project to compile it: its types and expressions are validated in a dialect
     * (vault-sql's {@code TrinoDialect}); its cluster targets are not checked against a driver.
     */
    public static Project load(Path projectDirectory, SqlDialect dialect)
    {
        return load(projectDirectory, dialect, JdbcDriver.UNCHECKED);
    }

    /**
     * Loads a project to run it: its cluster targets are checked against the driver that will
     * connect to them (vault-runner's {@code TrinoJdbcDriver}).
     */
    public static Project load(Path projectDirectory, SqlDialect dialect, JdbcDriver driver)
    {
        Path root = projectDirectory.toAbsolutePath().normalize();
        Path configFile = root.resolve(ProjectConfig.FILE_NAME);
        if (!Files.isRegularFile(configFile)) {
            throw new VaultException(ErrorCode.INVALID_PROJECT, "no %s in %s: run vault from the root of a models project, or pass --project-dir <folder with vault.yml>"
                    .formatted(ProjectConfig.FILE_NAME, root));
        }
        Problems problems = new Problems();
        Optional<YamlNode> configNode = readYaml(root, configFile, problems);
        problems.throwIfAny();
        if (configNode.isEmpty()) {
            throw new VaultException(ErrorCode.INVALID_PROJECT, "%s is empty; it needs at least 'name: <project name>'".formatted(configFile));
        }
        ProjectConfig config = ProjectConfigReader.read(root, root.relativize(configFile), configNode.get(), driver, problems);

        LocationIndex index = new LocationIndex();
        ImmutableSetMultimap.Builder<String, String> tags = ImmutableSetMultimap.builder();
        ModelFileReader reader = new ModelFileReader(root, problems, index, tags, dialect);
        Map<String, Model> models = new LinkedHashMap<>();
        for (Path file : modelFiles(config, problems)) {
            int before = problems.size();
            Optional<YamlNode> node = readYaml(root, file, problems);
            if (node.isEmpty()) {
                if (problems.size() == before) {
                    problems.add(Location.of(root.relativize(file)), "the file is empty; add models to it (e.g. 'hubs:') or delete it");
                }
                continue;
            }
            for (Model model : reader.read(node.get(), lines(file))) {
                Model previous = models.putIfAbsent(model.name(), model);
                if (previous != null) {
                    problems.add(model.location(), "a model named '%s' is already defined at %s; model names must be unique in a project", model.name(), previous.location());
                }
            }
        }
        if (models.isEmpty() && problems.isEmpty()) {
            problems.add(Location.of(Path.of(ProjectConfig.FILE_NAME)), "no models found under " + config.modelPaths().stream().map(root::relativize).toList()
                    + "; add YAML files with sources, stages, hubs, links, satellites or marts");
        }
        ImmutableMap<String, MaintenancePolicy> maintenance = MaintenanceReader.models(models, reader.maintenanceBlocks(), config.maintenance(), problems);
        problems.throwIfAny();

        ImmutableMap<String, Model> validated = new ModelValidator(models, index, problems, dialect).validate();
        problems.throwIfAny();
        IdentityPartsValidator.validate(config.identity(), validated, problems);
        problems.throwIfAny();
        ImmutableListMultimap<String, DeclaredTest> tests = new DataTestValidator(validated, problems, dialect).validate(reader.dataTests());
        problems.throwIfAny();

        List<String> cycle = new ArrayList<>();
        Map<String, String> owners = new LinkedHashMap<>();
        for (Model model : validated.values()) {
            model.auxiliaryTables().forEach(table -> owners.put(table, model.name()));
        }
        Optional<ModelGraph> graph = ModelGraph.of(validated, owners, cycle);
        if (graph.isEmpty()) {
            problems.add(validated.get(cycle.getFirst()).location(), "the models form a cycle: %s; a model cannot read, directly or not, from itself",
                    String.join(" -> ", cycle));
            problems.throwIfAny();
        }
        return new Project(config, validated, graph.orElseThrow(), tags.build(), tests, maintenance, dialect);
    }

    private static List<String> lines(Path file)
    {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            return List.of(); // already reported by readYaml
        }
    }

    private static ImmutableList<Path> modelFiles(ProjectConfig config, Problems problems)
    {
        ImmutableList.Builder<Path> files = ImmutableList.builder();
        for (Path path : config.modelPaths()) {
            if (!Files.isDirectory(path)) {
                problems.add(Location.of(Path.of(ProjectConfig.FILE_NAME)), "model path '%s' is not a folder; fix 'model-paths:' or create it", config.root().relativize(path));
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile)
                        .filter(file -> file.getFileName().toString().endsWith(".yml") || file.getFileName().toString().endsWith(".yaml"))
                        .sorted()
                        .forEach(files::add);
            }
            catch (IOException e) {
                problems.add(Location.of(config.root().relativize(path)), "cannot list model files: " + e.getMessage());
            }
        }
        return files.build();
    }

    private static Optional<YamlNode> readYaml(Path root, Path file, Problems problems)
    {
        Path display = root.relativize(file);
        try {
            long size = Files.size(file);
            if (size > YamlReader.MAX_FILE_BYTES) {
                problems.add(Location.of(display), "the file is %s MB; model files are limited to %s MB (is a data file in the models folder?)",
                        size / (1024 * 1024), YamlReader.MAX_FILE_BYTES / (1024 * 1024));
                return Optional.empty();
            }
            String content = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            if (content.startsWith("\uFEFF")) {
                content = content.substring(1);
            }
            return YamlReader.read(display, content);
        }
        catch (YamlException e) {
            problems.add(e.location(), e.getMessage());
        }
        catch (CharacterCodingException e) {
            problems.add(Location.of(display), "the file is not valid UTF-8; save it as UTF-8");
        }
        catch (IOException e) {
            problems.add(Location.of(display), "cannot read the file: " + e.getMessage());
        }
        return Optional.empty();
    }
}
