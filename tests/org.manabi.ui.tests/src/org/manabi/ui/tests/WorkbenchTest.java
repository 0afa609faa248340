package org.manabi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.manabi.ui.internal.EmbeddedServer;
import org.manabi.ui.internal.ServerControl;

/** Runs inside the real Manabi workbench application, opened on a copy of the repository's content/ folder. */
class WorkbenchTest {

    @Test
    void theMainWindowIsTitledManabi() {
        assertTrue(PlatformUI.isWorkbenchRunning());
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "no active workbench window");
        assertEquals("Manabi", window.getShell().getText());
        assertTrue(window.getShell().isVisible());
    }

    /** The layout is restored between sessions, so views are (re)opened from Window > Show View. */
    @Test
    void theMenuBarHasFileEditAndWindow() {
        var items = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().getMenuBar().getItems();
        assertEquals(java.util.List.of("File", "Edit", "Window"),
                java.util.Arrays.stream(items).map(item -> item.getText().replace("&", "")).toList());
    }

    /** The workbench starts its web server beside the windows (port 0 in the tests), over the same content. */
    @Test
    void theEmbeddedServerServesTheCatalogueOfTheOpenContent() throws Exception {
        IEclipseContext context = PlatformUI.getWorkbench().getService(IEclipseContext.class);
        long deadline = System.nanoTime() + 60_000_000_000L;
        ServerControl control = context.get(ServerControl.class);
        while (control.server() == null && System.nanoTime() < deadline) {
            flushEvents();
            Thread.sleep(50);
        }
        EmbeddedServer server = control.server();
        assertNotNull(server, "the embedded server started within a minute");

        HttpResponse<String> catalogue = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.server().uri().resolve("/api/seminars")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, catalogue.statusCode());
        assertTrue(catalogue.body().contains("\"id\":\"dicom-beginner-2027\""), catalogue.body());
        assertEquals("127.0.0.1", server.server().uri().getHost(), "loopback only");
    }

    private static void flushEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // let the tree fill and paint
        }
    }
}
