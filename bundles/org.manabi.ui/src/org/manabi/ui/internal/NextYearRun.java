package org.manabi.ui.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.manabi.model.Curriculum;
import org.manabi.model.FiscalYearPlan;
import org.manabi.model.ManabiFactory;
import org.manabi.model.ManabiPackage.Literals;
import org.manabi.model.Seminar;
import org.manabi.model.SeminarStatus;

/**
 * Next year's run of a seminar, as the committee plans it: the same programme, speakers, materials,
 * pools, fee and quiz, every date a year later, ids of the new year, status draft, no applicants or
 * attendance yet, and this year's attendance as "last year's". It goes into the same curriculum file,
 * in the plan of the next fiscal year (created if the file has none).
 */
final class NextYearRun {

    private NextYearRun() {
    }

    /** The new run, and the command that adds it to the content. */
    record Planned(Seminar seminar, Command command) {
    }

    static Planned of(EditingDomain domain, Seminar seminar) {
        FiscalYearPlan plan = (FiscalYearPlan) seminar.eContainer();
        int year = plan.getFiscalYear();
        ContentIds taken = new ContentIds(seminar.eResource().getResourceSet());

        Seminar next = EcoreUtil.copy(seminar);
        for (EObject element : (Iterable<EObject>) () -> EcoreUtil.getAllContents(List.of(next), false)) {
            shiftByAYear(element, year, taken);
        }
        next.setStatus(SeminarStatus.DRAFT);
        next.setLastYearAttendance(seminar.getAttendance() != null ? seminar.getAttendance()
                : seminar.getLastYearAttendance());
        next.setApplicants(null);
        next.setAttendance(null);
        if (seminar.getRun() != null) {
            next.setRun(seminar.getRun() + 1);
        }

        Curriculum curriculum = (Curriculum) plan.eContainer();
        FiscalYearPlan nextPlan = curriculum.getPlans().stream().filter(p -> p.getFiscalYear() == year + 1)
                .findFirst().orElse(null);
        if (nextPlan != null) {
            return new Planned(next, AddCommand.create(domain, nextPlan, Literals.FISCAL_YEAR_PLAN__SEMINARS, next));
        }
        nextPlan = ManabiFactory.eINSTANCE.createFiscalYearPlan();
        nextPlan.setFiscalYear(year + 1);
        nextPlan.setId(nextId(plan.getId(), year, taken));
        nextPlan.getSeminars().add(next);
        return new Planned(next, AddCommand.create(domain, curriculum, Literals.CURRICULUM__PLANS, nextPlan));
    }

    private static void shiftByAYear(EObject element, int year, ContentIds taken) {
        for (EAttribute attribute : element.eClass().getEAllAttributes()) {
            if (attribute.isMany() || !element.eIsSet(attribute)) {
                continue;
            }
            Object value = element.eGet(attribute);
            if (attribute.isID() && value instanceof String id) {
                element.eSet(attribute, nextId(id, year, taken));
            } else if (value instanceof LocalDate date) {
                element.eSet(attribute, date.plusYears(1));
            } else if (value instanceof LocalDateTime time) {
                element.eSet(attribute, time.plusYears(1));
            } else if (value instanceof YearMonth month) {
                element.eSet(attribute, month.plusYears(1));
            }
        }
    }

    /** "dicom-beginner-2027-onsite" → "dicom-beginner-2028-onsite"; an id without the year gets it appended. */
    static String nextId(String id, int year, ContentIds taken) {
        return taken.claim(id.contains(Integer.toString(year))
                ? id.replace(Integer.toString(year), Integer.toString(year + 1))
                : id + "-" + (year + 1));
    }
}
