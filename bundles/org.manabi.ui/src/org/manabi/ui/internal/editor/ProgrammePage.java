package org.manabi.ui.internal.editor;

import static org.manabi.model.ManabiPackage.Literals.PROGRAMME_ITEM;
import static org.manabi.model.ManabiPackage.Literals.PROGRAMME_ITEM__DATE;
import static org.manabi.model.ManabiPackage.Literals.PROGRAMME_ITEM__END;
import static org.manabi.model.ManabiPackage.Literals.PROGRAMME_ITEM__KIND;
import static org.manabi.model.ManabiPackage.Literals.PROGRAMME_ITEM__MATERIALS;
import static org.manabi.model.ManabiPackage.Literals.PROGRAMME_ITEM__SPEAKERS;
import static org.manabi.model.ManabiPackage.Literals.PROGRAMME_ITEM__START;
import static org.manabi.model.ManabiPackage.Literals.PROGRAMME_ITEM__TITLE;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__PROGRAMME;

import java.util.stream.Collectors;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.manabi.model.ProgrammeItem;
import org.manabi.ui.internal.Messages;

/** The timetable, edited in place: a start or end that is not a time is refused as it is typed. */
final class ProgrammePage extends SeminarPage {

    static final String ID = "programme";

    private FeatureTable timetable;

    ProgrammePage(SeminarEditor editor) {
        super(editor, ID, Messages.Editor_programme);
    }

    @Override
    protected void fill(FormToolkit toolkit, Composite body) {
        timetable = pageTable(toolkit, body, Messages.Editor_programme, seminar()::getProgramme)
                .column(PROGRAMME_ITEM__DATE, 100).column(PROGRAMME_ITEM__START, 70).column(PROGRAMME_ITEM__END, 70)
                .column(PROGRAMME_ITEM__KIND, 110).column(PROGRAMME_ITEM__TITLE, 380)
                .column(ModelTexts.feature(PROGRAMME_ITEM__SPEAKERS), 200, item -> ((ProgrammeItem) item)
                        .getSpeakers().stream().map(person -> person.getName()).collect(Collectors.joining(", ")))
                .column(ModelTexts.feature(PROGRAMME_ITEM__MATERIALS), 200, item -> ((ProgrammeItem) item)
                        .getMaterials().stream().map(material -> material.getTitle()).collect(Collectors.joining(", ")))
                .listButtons(toolkit, seminar(), SEMINAR__PROGRAMME, PROGRAMME_ITEM);
    }

    /** The timetable, for tests that drive the real widget. */
    FeatureTable timetable() {
        return timetable;
    }
}
