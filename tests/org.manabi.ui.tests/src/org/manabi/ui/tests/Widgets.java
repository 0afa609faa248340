package org.manabi.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Finding and driving real widgets, and screenshots of them as test artefacts. */
final class Widgets {

    private Widgets() {
    }

    /** Runs the event loop until nothing is left to do. */
    static void flush() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // paint, run asyncExecs
        }
    }

    /** Runs the event loop until the condition holds, or fails after {@code seconds}. */
    static void waitUntil(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            flush();
            Thread.sleep(20);
        }
        flush();
    }

    /** Every control below {@code root} (itself included) of the type that matches. */
    static <T extends Control> List<T> all(Control root, Class<T> type, Predicate<T> matches) {
        List<T> found = new ArrayList<>();
        collect(root, type, matches, found);
        return found;
    }

    static <T extends Control> T one(Control root, Class<T> type, Predicate<T> matches) {
        List<T> found = all(root, type, matches);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " matching " + type.getSimpleName() + " widgets, expected 1");
        }
        return found.get(0);
    }

    private static <T extends Control> void collect(Control control, Class<T> type, Predicate<T> matches, List<T> found) {
        if (type.isInstance(control) && matches.test(type.cast(control))) {
            found.add(type.cast(control));
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, type, matches, found);
            }
        }
    }

    /**
     * Saves what the shell shows as {@code target/screenshots/<name>.png} of this test bundle, so that
     * the build keeps current pictures of the main screens.
     */
    static Path screenshot(Shell shell, String name) throws IOException {
        flush();
        Path folder = Path.of(System.getProperty("manabi.repository"), "tests", "org.manabi.ui.tests", "target",
                "screenshots");
        Files.createDirectories(folder);
        Display display = shell.getDisplay();
        var bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            Path file = folder.resolve(name + ".png");
            loader.save(file.toString(), SWT.IMAGE_PNG);
            return file;
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
