package org.manabi.ui.internal.editor;

import static org.manabi.model.ManabiPackage.Literals.FEE__FREE;
import static org.manabi.model.ManabiPackage.Literals.FEE__MEMBER_YEN;
import static org.manabi.model.ManabiPackage.Literals.FEE__NON_MEMBER_YEN;
import static org.manabi.model.ManabiPackage.Literals.SEAT_POOL;
import static org.manabi.model.ManabiPackage.Literals.SEAT_POOL__CAPACITY;
import static org.manabi.model.ManabiPackage.Literals.SEAT_POOL__CAPACITY_STATE;
import static org.manabi.model.ManabiPackage.Literals.SEAT_POOL__MODE;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__CONFERENCE_SYSTEM;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__DELIVERY;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__ENGLISH_TITLE;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__FEE;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__KIND;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__LEVEL;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__PLANNED_MONTH;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__POOLS;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__REGISTRATION_CLOSES;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__REGISTRATION_OPENS;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__SESSIONS;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__STATUS;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__THEME;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__TITLE;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__VENUE;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__VOD_WINDOW;
import static org.manabi.model.ManabiPackage.Literals.SESSION;
import static org.manabi.model.ManabiPackage.Literals.SESSION__DATE;
import static org.manabi.model.ManabiPackage.Literals.SESSION__END;
import static org.manabi.model.ManabiPackage.Literals.SESSION__START;
import static org.manabi.model.ManabiPackage.Literals.VOD_WINDOW__CLOSES;
import static org.manabi.model.ManabiPackage.Literals.VOD_WINDOW__OPENS;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.manabi.model.Seminar;
import org.manabi.ui.internal.Messages;

/** What, when, for whom and at what price: the seminar's own fields, its sessions, fee, seats and VOD window. */
final class OverviewPage extends SeminarPage {

    static final String ID = "overview";

    OverviewPage(SeminarEditor editor) {
        super(editor, ID, Messages.Editor_overview);
    }

    @Override
    protected void fill(FormToolkit toolkit, Composite body) {
        GridLayoutFactory.swtDefaults().numColumns(2).equalWidth(true).applyTo(body);
        Seminar seminar = seminar();

        Composite general = section(toolkit, body, Messages.Section_general);
        for (EAttribute attribute : new EAttribute[] { SEMINAR__TITLE, SEMINAR__ENGLISH_TITLE, SEMINAR__THEME,
                SEMINAR__KIND, SEMINAR__LEVEL, SEMINAR__DELIVERY, SEMINAR__STATUS, SEMINAR__VENUE,
                SEMINAR__CONFERENCE_SYSTEM }) {
            fields().field(general, seminar, null, attribute);
        }

        Composite dates = section(toolkit, body, Messages.Section_dates);
        for (EAttribute attribute : new EAttribute[] { SEMINAR__PLANNED_MONTH, SEMINAR__REGISTRATION_OPENS,
                SEMINAR__REGISTRATION_CLOSES }) {
            fields().field(dates, seminar, null, attribute);
        }
        table(dates, toolkit, seminar::getSessions)
                .column(SESSION__DATE, 110).column(SESSION__START, 70).column(SESSION__END, 70)
                .listButtons(toolkit, seminar, SEMINAR__SESSIONS, SESSION);

        Composite seats = section(toolkit, body, Messages.Section_seats);
        table(seats, toolkit, seminar::getPools)
                .column(SEAT_POOL__MODE, 90).column(SEAT_POOL__CAPACITY_STATE, 120).column(SEAT_POOL__CAPACITY, 80)
                .listButtons(toolkit, seminar, SEMINAR__POOLS, SEAT_POOL);

        Composite fee = section(toolkit, body, Messages.Section_fee);
        for (EAttribute attribute : new EAttribute[] { FEE__FREE, FEE__MEMBER_YEN, FEE__NON_MEMBER_YEN }) {
            fields().field(fee, seminar, SEMINAR__FEE, attribute);
        }

        Composite vod = section(toolkit, body, Messages.Section_vod);
        for (EAttribute attribute : new EAttribute[] { VOD_WINDOW__OPENS, VOD_WINDOW__CLOSES }) {
            fields().field(vod, seminar, SEMINAR__VOD_WINDOW, attribute);
        }
    }
}
