package dev.vault.core.load;

import dev.vault.core.identity.IdentityComparison;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Location;
import dev.vault.core.model.Model;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StageIdentity;
import dev.vault.core.project.ProjectConfig;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks vault.yml's identity keys against the typed parts the stages of each identity hub
 * declare: a key part that no stage provides would leave the key NULL for every record, and a
 * part of two kinds would never match across stages.
 */
final class IdentityPartsValidator
{
    private IdentityPartsValidator() {}

    static void validate(IdentitySettings settings, Map<String, Model> models, Problems problems)
    {
        if (models.values().stream().noneMatch(model -> model instanceof Hub hub && hub.identity())) {
            // no identity hub, so no stage can declare a typed part: a key that names one is a mistake
            for (IdentityComparison comparison : settings.comparisons()) {
                if (!comparison.typedParts().isEmpty()) {
                    problems.add(Location.of(Path.of(ProjectConfig.FILE_NAME)), "identity comparison '%s' of vault.yml has parts %s, which no stage declares: there is no identity hub",
                            comparison.name(), comparison.typedParts());
                }
            }
            for (IdentityKey key : settings.keys()) {
                for (String part : key.typedParts()) {
                    problems.add(Location.of(Path.of(ProjectConfig.FILE_NAME)), "identity key '%s' of vault.yml has part '%s', which no stage declares: there is no identity hub; "
                            + "parts available: name, email, phone, or a part a stage of an identity hub declares under 'identity: parts:'", key.name(), part);
                }
            }
        }
        for (Model model : models.values()) {
            if (!(model instanceof Hub hub) || !hub.identity()) {
                continue;
            }
            Map<String, StageIdentity.TypedPart> provided = new TreeMap<>();
            for (String source : hub.sources()) {
                if (!(models.get(source) instanceof Stage stage) || stage.identity().isEmpty()) {
                    continue;
                }
                for (StageIdentity.TypedPart part : stage.identity().get().parts().values()) {
                    StageIdentity.TypedPart previous = provided.putIfAbsent(part.name(), part);
                    if (previous != null && previous.kind() != part.kind()) {
                        problems.add(part.location(), "identity part '%s' of stage '%s' is of kind %s, but of kind %s at %s; a part has one kind in every stage of identity hub '%s'",
                                part.name(), stage.name(), part.kind().id(), previous.kind().id(), previous.location(), hub.name());
                    }
                }
            }
            for (IdentityComparison comparison : settings.comparisons()) {
                for (String part : comparison.typedParts()) {
                    if (!provided.containsKey(part)) {
                        problems.add(hub.location(), "identity comparison '%s' of vault.yml has part '%s', which no stage of identity hub '%s' declares under 'identity: parts:'; parts available: %s%s",
                                comparison.name(), part, hub.name(), availableParts(provided),
                                Suggestions.closest(part, provided.keySet()).map(closest -> "; did you mean '%s'?".formatted(closest)).orElse(""));
                    }
                }
            }
            for (IdentityKey key : settings.keys()) {
                for (String part : key.typedParts()) {
                    if (!provided.containsKey(part)) {
                        problems.add(hub.location(), "identity key '%s' of vault.yml has part '%s', which no stage of identity hub '%s' declares under 'identity: parts:'; parts available: %s%s",
                                key.name(), part, hub.name(), availableParts(provided),
                                Suggestions.closest(part, provided.keySet()).map(closest -> "; did you mean '%s'?".formatted(closest)).orElse(""));
                    }
                }
            }
        }
    }

    private static String availableParts(Map<String, StageIdentity.TypedPart> provided)
    {
        StringBuilder text = new StringBuilder("name, email, phone");
        provided.keySet().forEach(part -> text.append(", ").append(part));
        return text.toString();
    }
}
