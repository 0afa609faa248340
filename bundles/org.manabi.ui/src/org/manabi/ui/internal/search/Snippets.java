package org.manabi.ui.internal.search;

import org.eclipse.jface.viewers.StyledString;
import org.eclipse.jface.viewers.StyledString.Styler;
import org.eclipse.swt.graphics.TextStyle;
import org.eclipse.jface.resource.JFaceResources;

/** A snippet with its matches between « and », shown with the matches in bold and without the marks. */
final class Snippets {

    private static final Styler MATCH = new Styler() {
        @Override
        public void applyStyles(TextStyle style) {
            style.font = JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
        }
    };

    private Snippets() {
    }

    static void append(StyledString styled, String snippet) {
        String text = snippet.replace('\n', ' ');
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf('«', at);
            int close = open < 0 ? -1 : text.indexOf('»', open + 1);
            if (open < 0 || close < 0) {
                styled.append(text.substring(at));
                return;
            }
            styled.append(text.substring(at, open));
            styled.append(text.substring(open + 1, close), MATCH);
            at = close + 1;
        }
    }
}
