package dev.vault.core.maintenance;

import static java.util.Objects.requireNonNull;

/**
 * The {@code maintenance:} block of vault.yml: the policy of every table vault owns unless its
 * model says otherwise, and whether bronze source tables are maintained too (off by default:
 * they are often written by another tool, which should own their upkeep).
 */
public record MaintenanceSettings(MaintenancePolicy defaults, boolean sources)
{
    public MaintenanceSettings
    {
        requireNonNull(defaults, "defaults is null");
    }

    public static MaintenanceSettings defaultSettings()
    {
        return new MaintenanceSettings(MaintenancePolicy.DEFAULT, false);
    }
}
