package dev.vault.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Remembers every event, as text, in order. */
final class RecordingListener
        implements VaultListener
{
    final List<String> events = new ArrayList<>();

    @Override
    public void engineStarting(String description)
    {
        events.add("engineStarting " + description);
    }

    @Override
    public void engineReady(String description, Duration startup)
    {
        events.add("engineReady " + description);
    }

    @Override
    public void modelStarted(String model, int index, int total)
    {
        events.add("modelStarted " + model);
    }

    @Override
    public void modelFinished(ModelResult result, int index, int total)
    {
        events.add("modelFinished " + result.model());
    }

    @Override
    public void testFinished(DataTestResult result, int index, int total)
    {
        events.add("testFinished " + result.name());
    }
}
