package dev.vault.runner;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The model a thread is running, so the progress of a statement can name the model that sent
 * it: statements reach the engine through executors that know nothing of models.
 */
final class CurrentModel
{
    private static final ThreadLocal<String> MODEL = new ThreadLocal<>();

    private CurrentModel() {}

    static <T> T during(String model, Supplier<T> work)
    {
        String outer = MODEL.get();
        MODEL.set(model);
        try {
            return work.get();
        }
        finally {
            if (outer == null) {
                MODEL.remove();
            }
            else {
                MODEL.set(outer);
            }
        }
    }

    static Optional<String> get()
    {
        return Optional.ofNullable(MODEL.get());
    }
}
