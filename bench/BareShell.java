import java.lang.management.ManagementFactory;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/** The peer of workbench-start.sh: the same JVM and SWT, a bare shell with a tree, until it is usable. */
public class BareShell {
    public static void main(String[] args) {
        Display display = new Display();
        Shell shell = new Shell(display);
        shell.setText("bare SWT");
        shell.setLayout(new FillLayout());
        Tree tree = new Tree(shell, SWT.NONE);
        new TreeItem(tree, SWT.NONE).setText("item");
        shell.setSize(1200, 800);
        shell.open();
        while (display.readAndDispatch()) {
            // paint
        }
        long usable = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
        System.out.println("bare_swt_usable_ms=" + usable + " bare_swt_cpu_ms=" + cpu);
        display.dispose();
    }
}
