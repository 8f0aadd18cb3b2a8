package dev.vault.benchmarks.truth;

import com.google.common.collect.ImmutableSet;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One generated source record and its hidden truth.
 *
 * @param recordId unique across all sources (contact_id, leadgen_id or lead_id)
 * @param firstName the CRM's first_name; null for the ad sources
 * @param lastName the CRM's last_name; null for the ad sources
 * @param name the name the unifier sees: the ad sources' full_name, or the CRM's first and last
 *         names joined the way the staging view does ({@code concat_ws(' ', trim(first), trim(last))})
 * @param email as written, null when absent
 * @param phone as written, null when absent
 * @param updatedAt the CRM's updated_at; null for the ad sources
 * @param campaign Facebook's campaign_name or Google's campaign_id; null for the CRM
 * @param adReference Facebook's ad_id or Google's gclid; null for the CRM
 * @param truePersonId the hidden truth: which person this record really is
 * @param variations what was done to the person's details in this record
 */
public record GeneratedLead(
        Source source,
        String recordId,
        String firstName,
        String lastName,
        String name,
        String email,
        String phone,
        String producerId,
        Instant leadTime,
        Instant updatedAt,
        String campaign,
        String adReference,
        String truePersonId,
        ImmutableSet<Variation> variations)
{
    public GeneratedLead
    {
        requireNonNull(source, "source is null");
        requireNonNull(recordId, "recordId is null");
        requireNonNull(producerId, "producerId is null");
        requireNonNull(leadTime, "leadTime is null");
        requireNonNull(truePersonId, "truePersonId is null");
        requireNonNull(variations, "variations is null");
    }

    public boolean has(Variation variation)
    {
        return variations.contains(variation);
    }
}
