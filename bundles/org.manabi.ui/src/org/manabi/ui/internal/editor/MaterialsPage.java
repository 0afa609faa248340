package org.manabi.ui.internal.editor;

import static org.manabi.model.ManabiPackage.Literals.MATERIAL__LANGUAGE;
import static org.manabi.model.ManabiPackage.Literals.MATERIAL__TITLE;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__MATERIALS;
import static org.manabi.model.ManabiPackage.Literals.SLIDE_DECK;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.manabi.model.ProtectedDocument;
import org.manabi.model.SlideDeck;
import org.manabi.model.Video;
import org.manabi.ui.internal.Messages;

/** The seminar's slide decks, videos and documents; a new row is a slide deck. */
final class MaterialsPage extends SeminarPage {

    static final String ID = "materials";

    MaterialsPage(SeminarEditor editor) {
        super(editor, ID, Messages.Editor_materials);
    }

    @Override
    protected void fill(FormToolkit toolkit, Composite body) {
        pageTable(toolkit, body, Messages.Editor_materials, seminar()::getMaterials)
                .column(MATERIAL__TITLE, 420).column(MATERIAL__LANGUAGE, 70)
                .column(Messages.Column_kind, 90, material -> ModelTexts.type(material.eClass()))
                .column(Messages.Column_source, 300, material -> switch (material) {
                    case SlideDeck deck -> deck.getFile() + " (" + deck.getPageCount() + " p.)";
                    case Video video -> video.getLocation();
                    case ProtectedDocument document -> document.getFile();
                    default -> "";
                })
                .listButtons(toolkit, seminar(), SEMINAR__MATERIALS, SLIDE_DECK);
    }
}
