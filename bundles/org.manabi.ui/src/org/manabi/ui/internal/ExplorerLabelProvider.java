package org.manabi.ui.internal;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.manabi.ui.internal.ExplorerNodes.Committee;
import org.manabi.ui.internal.ExplorerNodes.FiscalYear;

/** Fiscal years and committees named here; everything else by the model's item providers. */
final class ExplorerLabelProvider extends ItemProviderLabelProvider {

    ExplorerLabelProvider(AdapterFactory adapterFactory) {
        super(adapterFactory);
    }

    @Override
    public String getText(Object element) {
        return switch (element) {
            case FiscalYear year -> NLS.bind(Messages.Explorer_fiscalYear, year.year());
            case Committee committee -> committee.host() == null ? Messages.Explorer_noHost
                    : ExplorerNodes.name(committee.host());
            default -> super.getText(element);
        };
    }

    @Override
    public Image getImage(Object element) {
        return switch (element) {
            case FiscalYear year -> PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJ_FOLDER);
            case Committee committee -> committee.host() == null ? null : super.getImage(committee.host());
            default -> super.getImage(element);
        };
    }
}
