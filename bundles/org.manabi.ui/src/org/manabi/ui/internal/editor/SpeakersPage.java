package org.manabi.ui.internal.editor;

import static org.manabi.model.ManabiPackage.Literals.CURRICULUM__PEOPLE;
import static org.manabi.model.ManabiPackage.Literals.PERSON;
import static org.manabi.model.ManabiPackage.Literals.PERSON__AFFILIATION;
import static org.manabi.model.ManabiPackage.Literals.PERSON__KANA;
import static org.manabi.model.ManabiPackage.Literals.PERSON__NAME;
import static org.manabi.model.ManabiPackage.Literals.PERSON__ROLE;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.manabi.model.Curriculum;
import org.manabi.model.ProgrammeItem;
import org.manabi.ui.internal.Messages;

/**
 * The people of the seminar's curriculum file (speakers, moderators), with what each does in this
 * seminar's programme. People belong to the curriculum, not to one run, so next year's run shares them.
 */
final class SpeakersPage extends SeminarPage {

    static final String ID = "speakers";

    SpeakersPage(SeminarEditor editor) {
        super(editor, ID, Messages.Editor_speakers);
    }

    @Override
    protected void fill(FormToolkit toolkit, Composite body) {
        EObject root = EcoreUtil.getRootContainer(seminar());
        if (!(root instanceof Curriculum curriculum)) {
            return;
        }
        pageTable(toolkit, body, Messages.Editor_speakers, curriculum::getPeople)
                .column(PERSON__NAME, 140).column(PERSON__KANA, 160).column(PERSON__AFFILIATION, 360)
                .column(PERSON__ROLE, 80)
                .column(Messages.Column_inProgramme, 320, person -> inProgramme(seminar().getProgramme(), person))
                .listButtons(toolkit, curriculum, CURRICULUM__PEOPLE, PERSON);
    }

    private static String inProgramme(List<ProgrammeItem> programme, EObject person) {
        return programme.stream().filter(item -> item.getSpeakers().contains(person))
                .map(ProgrammeItem::getTitle).collect(Collectors.joining(", "));
    }
}
