package org.manabi.ui.internal;

import java.util.List;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.edit.provider.ITreeItemContentProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.manabi.model.FiscalYearPlan;
import org.manabi.model.Material;
import org.manabi.model.ProgrammeItem;
import org.manabi.model.Quiz;
import org.manabi.model.Seminar;
import org.manabi.model.Survey;
import org.manabi.ui.internal.ExplorerNodes.Committee;
import org.manabi.ui.internal.ExplorerNodes.FiscalYear;

/**
 * Fiscal years → committees → seminars → programme, materials, quiz and survey → questions. Below the
 * seminars the children are the EMF.Edit item providers' (the same as anywhere else in the product),
 * kept to what a committee member looks for in a tree; the rest is in the seminar editor.
 */
final class ExplorerContentProvider implements ITreeContentProvider {

    private final ExplorerNodes nodes;
    private final AdapterFactory adapterFactory;

    ExplorerContentProvider(ExplorerNodes nodes, AdapterFactory adapterFactory) {
        this.nodes = nodes;
        this.adapterFactory = adapterFactory;
    }

    @Override
    public Object[] getElements(Object input) {
        return nodes.years().toArray();
    }

    @Override
    public Object[] getChildren(Object parent) {
        return switch (parent) {
            case FiscalYear year -> nodes.committees(year).toArray();
            case Committee committee -> nodes.seminars(committee).toArray();
            case Seminar seminar -> itemChildren(seminar).stream().filter(child -> child instanceof ProgrammeItem
                    || child instanceof Material || child instanceof Quiz || child instanceof Survey).toArray();
            default -> itemChildren(parent).toArray();
        };
    }

    private List<?> itemChildren(Object parent) {
        ITreeItemContentProvider provider = provider(parent);
        return provider == null ? List.of() : List.copyOf(provider.getChildren(parent));
    }

    @Override
    public Object getParent(Object element) {
        return switch (element) {
            case FiscalYear year -> null;
            case Committee committee -> new FiscalYear(committee.year());
            case Seminar seminar -> new Committee(ExplorerNodes.yearOf(seminar), seminar.getHost());
            default -> {
                ITreeItemContentProvider provider = provider(element);
                Object parent = provider == null ? null : provider.getParent(element);
                yield parent instanceof FiscalYearPlan ? null : parent;
            }
        };
    }

    /**
     * Answered from the model for the levels the tree shows first (a year or committee exists only
     * with a seminar; a seminar's children are its own lists), so that showing 1,000 seminars does
     * not build their children's item providers before anyone expands them.
     */
    @Override
    public boolean hasChildren(Object element) {
        return switch (element) {
            case FiscalYear year -> true;
            case Committee committee -> true;
            case Seminar seminar -> !seminar.getProgramme().isEmpty() || !seminar.getMaterials().isEmpty()
                    || seminar.getQuiz() != null || seminar.getSurvey() != null;
            default -> getChildren(element).length > 0;
        };
    }

    private ITreeItemContentProvider provider(Object element) {
        return (ITreeItemContentProvider) adapterFactory.adapt(element, ITreeItemContentProvider.class);
    }
}
