package org.manabi.ui.internal;

import java.net.URI;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.part.ViewPart;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

/**
 * The embedded web server at a glance: whether it runs and where, a QR code of its address for a
 * phone, start and stop, and the public page in the system browser.
 */
public final class ServerView extends ViewPart {

    public static final String ID = "org.manabi.ui.server";

    private static final int QR_SCALE = 4;

    private ServerControl control;
    private Label state;
    private Link address;
    private Button start;
    private Button stop;
    private Button browse;
    private Label qr;
    private Image qrImage;
    private final Runnable update = () -> {
        if (state != null && !state.isDisposed()) {
            state.getDisplay().asyncExec(this::update);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(parent);
        state = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(state);
        address = new Link(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(address);
        address.addListener(SWT.Selection, event -> openInBrowser());
        start = Buttons.push(parent, Messages.Server_start, () -> control.start());
        stop = Buttons.push(parent, Messages.Server_stop, () -> control.stop());
        browse = Buttons.push(parent, Messages.Server_browse, this::openInBrowser);
        qr = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(qr);

        control = getSite().getService(ServerControl.class);
        if (control == null) {
            state.setText(Messages.Server_noContent);
            start.setEnabled(false);
            stop.setEnabled(false);
            browse.setEnabled(false);
            return;
        }
        control.addListener(update);
        update();
    }

    private void update() {
        if (state.isDisposed()) {
            return;
        }
        URI uri = control.uri();
        ServerControl.State now = control.state();
        state.setText(switch (now) {
            case RUNNING -> Messages.Server_running;
            case STARTING -> Messages.Server_starting;
            case STOPPING -> Messages.Server_stopping;
            case STOPPED -> control.problem().isEmpty() ? Messages.Server_stopped
                    : NLS.bind(Messages.Server_failed, control.problem());
        });
        address.setText(uri == null ? "" : "<a>" + uri + "</a>");
        start.setEnabled(now == ServerControl.State.STOPPED);
        stop.setEnabled(now == ServerControl.State.RUNNING);
        browse.setEnabled(uri != null);
        if (qrImage != null) {
            qrImage.dispose();
            qrImage = null;
        }
        qrImage = uri == null ? null : qrCode(uri.toString());
        qr.setImage(qrImage);
        state.getParent().layout(true, true);
    }

    /** The address as a QR code, drawn pixel by pixel (ZXing gives the modules, SWT the picture). */
    private Image qrCode(String text) {
        try {
            BitMatrix modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    java.util.Map.of(EncodeHintType.MARGIN, 4));
            ImageData data = new ImageData(modules.getWidth() * QR_SCALE, modules.getHeight() * QR_SCALE, 1,
                    new PaletteData(new RGB(255, 255, 255), new RGB(0, 0, 0)));
            for (int y = 0; y < data.height; y++) {
                for (int x = 0; x < data.width; x++) {
                    data.setPixel(x, y, modules.get(x / QR_SCALE, y / QR_SCALE) ? 1 : 0);
                }
            }
            return new Image(state.getDisplay(), data);
        } catch (WriterException e) {
            return null; // an address too long for a QR code: the link is still there
        }
    }

    private void openInBrowser() {
        URI uri = control == null ? null : control.uri();
        if (uri != null) {
            Program.launch(uri.toString());
        }
    }

    /** The address shown, for tests: what a user would click. */
    public String address() {
        return address.getText().replace("<a>", "").replace("</a>", "");
    }

    /** The QR code shown, or null. */
    public Image qrImage() {
        return qrImage;
    }

    /** The Start and Stop buttons, for tests that press them. */
    public Button startButton() {
        return start;
    }

    public Button stopButton() {
        return stop;
    }

    @Override
    public void setFocus() {
        state.setFocus();
    }

    @Override
    public void dispose() {
        if (control != null) {
            control.removeListener(update);
        }
        if (qrImage != null) {
            qrImage.dispose();
        }
        super.dispose();
    }
}
