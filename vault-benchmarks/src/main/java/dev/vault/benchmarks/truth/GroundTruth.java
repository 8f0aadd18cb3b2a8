package dev.vault.benchmarks.truth;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import static java.util.Objects.requireNonNull;

/**
 * Generated leads with their hidden truth.
 *
 * @param seed the generator's seed
 * @param persons how many real persons were asked for (test submissions come on top)
 * @param leads every record, in generation order (person by person)
 * @param plantedJunk the junk values planted, as written in the sources' most common form
 */
public record GroundTruth(long seed, int persons, ImmutableList<GeneratedLead> leads, ImmutableList<PlantedJunk> plantedJunk)
{
    public GroundTruth
    {
        requireNonNull(leads, "leads is null");
        requireNonNull(plantedJunk, "plantedJunk is null");
    }

    /** A junk value used by many different persons. */
    public record PlantedJunk(String part, String value, String description)
    {
        public PlantedJunk
        {
            requireNonNull(part, "part is null");
            requireNonNull(value, "value is null");
            requireNonNull(description, "description is null");
        }
    }

    /** record id -> true person id. */
    public ImmutableMap<String, String> truth()
    {
        ImmutableMap.Builder<String, String> truth = ImmutableMap.builderWithExpectedSize(leads.size());
        leads.forEach(lead -> truth.put(lead.recordId(), lead.truePersonId()));
        return truth.buildOrThrow();
    }

    public long truePersons()
    {
        return leads.stream().map(GeneratedLead::truePersonId).distinct().count();
    }
}
