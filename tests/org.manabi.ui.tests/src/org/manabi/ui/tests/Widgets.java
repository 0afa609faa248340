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
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;

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

    /**
     * Presses the button labelled {@code label} of the next dialog that opens (a modal dialog runs its
     * own event loop, so the answer is given from a timer of that loop).
     */
    static void answerNextDialog(String label) {
        Display display = Display.getCurrent();
        Shell main = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        long deadline = System.nanoTime() + 10_000_000_000L;
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            for (Shell shell : display.getShells()) {
                if (shell != main && shell.isVisible()) {
                    List<Button> buttons = all(shell, Button.class, button -> label.equals(button.getText()));
                    if (!buttons.isEmpty()) {
                        buttons.get(0).notifyListeners(SWT.Selection, new Event());
                        return;
                    }
                }
            }
            if (System.nanoTime() < deadline) {
                display.timerExec(50, poll[0]);
            }
        };
        display.timerExec(50, poll[0]);
    }
}
