package dev.vault.core.load;

import dev.vault.core.identity.IdentitySettings;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Location;
import dev.vault.core.model.Model;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StageIdentity;
import dev.vault.core.project.ProjectConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
            // no identity hub, so no stage can declare a typed part: a key or comparison that names one is a mistake
            for (TypedPartUser user : users(settings)) {
                for (String part : user.typedParts()) {
                    problems.add(Location.of(Path.of(ProjectConfig.FILE_NAME)), "identity %s '%s' of vault.yml has part '%s', which no stage declares: there is no identity hub; "
                            + "parts available: name, email, phone, or a part a stage of an identity hub declares under 'identity: parts:'", user.what(), user.name(), part);
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
            for (TypedPartUser user : users(settings)) {
                for (String part : user.typedParts()) {
                    if (!provided.containsKey(part)) {
                        problems.add(hub.location(), "identity %s '%s' of vault.yml has part '%s', which no stage of identity hub '%s' declares under 'identity: parts:'; parts available: %s%s",
                                user.what(), user.name(), part, hub.name(), availableParts(provided),
                                Suggestions.closest(part, provided.keySet()).map(closest -> "; did you mean '%s'?".formatted(closest)).orElse(""));
                    }
                }
            }
        }
    }

    /** A key or a comparison of vault.yml, by what the messages call it, with the typed parts it reads. */
    private record TypedPartUser(String what, String name, Set<String> typedParts) {}

    private static List<TypedPartUser> users(IdentitySettings settings)
    {
        List<TypedPartUser> users = new ArrayList<>();
        settings.comparisons().forEach(comparison -> users.add(new TypedPartUser("comparison", comparison.name(), comparison.typedParts())));
        settings.keys().forEach(key -> users.add(new TypedPartUser("key", key.name(), key.typedParts())));
        return users;
    }

    private static String availableParts(Map<String, StageIdentity.TypedPart> provided)
    {
        StringBuilder text = new StringBuilder("name, email, phone");
        provided.keySet().forEach(part -> text.append(", ").append(part));
        return text.toString();
    }
}
