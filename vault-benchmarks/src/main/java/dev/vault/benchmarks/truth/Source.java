package dev.vault.benchmarks.truth;

/** The three lead sources of the example project, with their bronze table and record source names. */
public enum Source
{
    ACTIVECAMPAIGN("activecampaign", "crm_activecampaign_contacts"),
    FACEBOOK_ADS("facebook_ads", "facebook_ads_leads"),
    GOOGLE_ADS("google_ads", "google_ads_leads");

    private final String id;
    private final String table;

    Source(String id, String table)
    {
        this.id = id;
        this.table = table;
    }

    /** The record source, as staged rows carry it: activecampaign, facebook_ads, google_ads. */
    public String id()
    {
        return id;
    }

    /** The bronze source table (and seed CSV file name without .csv). */
    public String table()
    {
        return table;
    }
}
