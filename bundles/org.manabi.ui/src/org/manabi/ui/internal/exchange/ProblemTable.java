package org.manabi.ui.internal.exchange;

import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.manabi.exchange.ExchangeProblem;

/** Problems of an import or export, one row each: severity, line, question, reason. */
final class ProblemTable {

    private final TableViewer viewer;

    ProblemTable(Composite parent, boolean withLines) {
        viewer = table(parent);
        column(viewer, Messages.Column_severity, 80, p -> ((ExchangeProblem) p).severity() == ExchangeProblem.Severity.ERROR
                ? Messages.Severity_error : Messages.Severity_warning);
        if (withLines) {
            column(viewer, Messages.Column_line, 50, p -> ((ExchangeProblem) p).line() > 0 ? ((ExchangeProblem) p).line() + "" : "");
        }
        column(viewer, Messages.Column_question, 160, p -> ((ExchangeProblem) p).question() == null ? ""
                : ((ExchangeProblem) p).question());
        column(viewer, Messages.Column_reason, 420, p -> ((ExchangeProblem) p).message());
    }

    void show(List<ExchangeProblem> problems) {
        viewer.setInput(problems);
    }

    TableViewer viewer() {
        return viewer;
    }

    static TableViewer table(Composite parent) {
        TableViewer viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        return viewer;
    }

    static void column(TableViewer viewer, String title, int width, Function<Object, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(ColumnLabelProvider.createTextProvider(text));
    }
}
