package org.manabi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;

import org.eclipse.jface.util.LocalSelectionTransfer;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.TransferData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * Drag and drop within a table, through the table's real drag source and drop target: the events
 * SWT sends their listeners (drag start, drag enter, drag over, drop) are sent as the platform
 * would send them, only the mouse gesture itself is not made (a window system's drag under Xvfb
 * is not reliable). SWT's event class for drag and drop is not public, hence the reflection.
 */
final class DragAndDrop {

    private DragAndDrop() {
    }

    /** Starts dragging the table's selected rows, as pressing the mouse on them and moving does. */
    static boolean dragSelection(Table table) throws ReflectiveOperationException {
        DragSource source = (DragSource) table.getData(DND.DRAG_SOURCE_KEY);
        assertNotNull(source, "the table is a drag source");
        TableItem first = table.getSelection()[0];
        Event start = event(table, first, first.getBounds().y + 2);
        source.notifyListeners(DND.DragStart, start);
        Widgets.flush();
        return start.doit;
    }

    /**
     * Drops what is dragged on {@code onto}, in its lower half ({@code lowerHalf}) or its upper half.
     *
     * @return the operation done ({@link DND#DROP_MOVE}), or {@link DND#DROP_NONE} if the drop was refused
     */
    static int drop(Table table, TableItem onto, boolean lowerHalf) throws ReflectiveOperationException {
        DropTarget target = (DropTarget) table.getData(DND.DROP_TARGET_KEY);
        assertNotNull(target, "the table is a drop target");
        Rectangle row = onto.getBounds();
        int y = lowerHalf ? row.y + row.height * 3 / 4 : row.y + row.height / 4;
        Event enter = event(table, onto, y);
        target.notifyListeners(DND.DragEnter, enter);
        Event over = event(table, onto, y);
        target.notifyListeners(DND.DragOver, over);
        if (over.detail == DND.DROP_NONE) {
            target.notifyListeners(DND.DragLeave, event(table, onto, y));
            Widgets.flush();
            return DND.DROP_NONE;
        }
        Event drop = event(table, onto, y);
        target.notifyListeners(DND.Drop, drop);
        Widgets.flush();
        return drop.detail;
    }

    /** A drag and drop event at {@code y} of the table (x a little into the row), over {@code item}. */
    private static Event event(Table table, TableItem item, int y) throws ReflectiveOperationException {
        Class<?> type = DND.class.getClassLoader().loadClass("org.eclipse.swt.dnd.DNDEvent");
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        Event event = (Event) constructor.newInstance();
        Point onScreen = table.toDisplay(item.getBounds().x + 5, y);
        event.x = onScreen.x;
        event.y = onScreen.y;
        event.item = item;
        event.doit = true;
        event.detail = DND.DROP_MOVE;
        TransferData[] types = LocalSelectionTransfer.getTransfer().getSupportedTypes();
        set(type, event, "operations", DND.DROP_MOVE);
        set(type, event, "dataType", types[0]);
        set(type, event, "dataTypes", types);
        return event;
    }

    private static void set(Class<?> type, Event event, String name, Object value) throws ReflectiveOperationException {
        Field field = type.getField(name);
        field.setAccessible(true);
        field.set(event, value);
    }

    /** The row of the table that shows {@code element}. */
    static TableItem row(Table table, Object element) {
        for (TableItem item : table.getItems()) {
            if (item.getData() == element) {
                return item;
            }
        }
        throw new AssertionError("no row for " + element);
    }
}
