package org.manabi.ui.internal;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.manabi.content.ContentRepository;

/**
 * For bench/workbench-start.sh: when the JVM runs with {@code -Dmanabi.benchmark=true}, the first
 * window reports on stdout, as one line, how long after the JVM's start it was usable (opened, the
 * explorer filled, events dispatched) and the CPU time the process had used by then, when the Problems
 * view showed the validation of the content (it runs after the window opened), then how long the explorer takes to refresh and show every
 * seminar, to filter and to clear its filter; then the workbench closes. Nothing happens otherwise.
 */
final class WorkbenchBenchmark {

    static final String PROPERTY = "manabi.benchmark";

    private WorkbenchBenchmark() {
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    static void run(IWorkbenchWindow window) {
        Display display = window.getShell().getDisplay();
        display.asyncExec(() -> {
            long usable = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
            CurriculumExplorer explorer = (CurriculumExplorer) window.getActivePage().findView(CurriculumExplorer.ID);
            ContentRepository content = PlatformUI.getWorkbench().getService(ContentRepository.class);
            int seminars = content == null ? 0 : content.curricula().stream()
                    .mapToInt(curriculum -> curriculum.getPlans().stream().mapToInt(p -> p.getSeminars().size()).sum())
                    .sum();
            // the content's validation runs after the window opened, a file per turn of the event loop:
            // how long until the Problems view shows it, and the explorer's figures without it
            if (window.getActivePage().findView(ProblemsView.ID) instanceof ProblemsView problems) {
                while (!problems.isUpToDate()) {
                    if (!display.readAndDispatch()) {
                        display.sleep();
                    }
                }
            }
            long validated = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            long expand = time(display, () -> {
                explorer.viewer().refresh();
                explorer.viewer().expandToLevel(3);
            });
            long filter = time(display, () -> explorer.filterNow("DICOM"));
            long clear = time(display, () -> explorer.filterNow(""));
            System.out.println(String.format(Locale.ROOT,
                    "workbench_usable_ms=%d workbench_cpu_ms=%d problems_shown_ms=%d seminars=%d"
                            + " explorer_expand_all_ms=%d explorer_filter_ms=%d explorer_unfilter_ms=%d",
                    usable, cpu, validated, seminars, expand, filter, clear));
            System.out.flush();
            PlatformUI.getWorkbench().close();
        });
    }

    /** Wall time of the work and of painting its result. */
    private static long time(Display display, Runnable work) {
        long started = System.nanoTime();
        work.run();
        while (display.readAndDispatch()) {
            // paint what changed
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
