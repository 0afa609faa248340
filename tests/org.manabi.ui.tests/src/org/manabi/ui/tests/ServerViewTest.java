package org.manabi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.manabi.ui.internal.ServerControl;
import org.manabi.ui.internal.ServerView;

/** The server control view: stop and start the embedded server with its buttons, then ask it over HTTP. */
class ServerViewTest {

    private final IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();

    @Test
    void stoppedAndStartedFromTheViewTheServerServesTheCatalogueAtTheAddressShown() throws Exception {
        ServerView view = (ServerView) page.showView(ServerView.ID);
        ServerControl control = PlatformUI.getWorkbench().getService(ServerControl.class);
        Widgets.waitUntil("the server the workbench starts", 60,
                () -> control.state() == ServerControl.State.RUNNING && view.stopButton().isEnabled());

        press(view.stopButton());
        Widgets.waitUntil("stopped", 60, () -> view.startButton().isEnabled());
        assertEquals("", view.address());
        assertNull(view.qrImage());

        press(view.startButton());
        Widgets.waitUntil("started", 60, () -> view.stopButton().isEnabled() && !view.address().isEmpty());
        assertNotNull(view.qrImage(), "a QR code of the address");
        URI address = URI.create(view.address());
        assertEquals("127.0.0.1", address.getHost(), "loopback only");

        HttpResponse<String> catalogue = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(address.resolve("/api/seminars")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, catalogue.statusCode());
        assertTrue(catalogue.body().contains("\"id\":\"dicom-beginner-2027\""), catalogue.body());
        Widgets.screenshot(page.getWorkbenchWindow().getShell(), "server");
    }

    static void press(Button button) {
        assertTrue(button.isEnabled(), button.getText() + " is enabled");
        button.notifyListeners(SWT.Selection, new Event());
        Widgets.flush();
    }
}
