extension Plan {
    /// Whether `task` must be reported on in `year` (report-format.md §3):
    /// yearly, quarterly and continuous tasks every year of their span; a
    /// one-off task every year until an accepted report of an earlier year
    /// marks it completed; a during-year task in its year only.
    public func isDue(_ task: PlanTask, in year: Int, completedEarlier: Set<String>) -> Bool {
        guard years.contains(year) else { return false }
        switch task.schedule.kind {
        case .oneOff:
            return year >= task.schedule.from && !completedEarlier.contains(task.code)
        case .duringYear:
            return year == task.schedule.to
        case .yearly, .quarterly, .continuous:
            return (task.schedule.from...task.schedule.to).contains(year)
        }
    }

    /// The tasks `unit` leads that are due in `year`.
    public func dueTasks(of unit: String, in year: Int, completedEarlier: Set<String>) -> [PlanTask] {
        tasks(ledBy: unit).filter { isDue($0, in: year, completedEarlier: completedEarlier) }
    }

    /// Lead units that must report in `year`: those leading at least one due task.
    public func unitsRequired(in year: Int, completedEarlier: Set<String>) -> [Unit] {
        leadUnits.filter { !dueTasks(of: $0.code, in: year, completedEarlier: completedEarlier).isEmpty }
    }

    /// Whether a task is overdue on `asOf` (§3): its missable deadline for
    /// `year` has passed, and it is not completed in a report of a later
    /// date (`reported`: the day the lead's report was received; nil when
    /// there is none, then the deadline alone decides).
    public func isOverdue(_ task: PlanTask, year: Int, completed: Bool, reported: CalendarDate?, asOf: CalendarDate) -> Bool {
        guard !completed, let deadline = task.schedule.missableDeadline(for: year), asOf > deadline else { return false }
        return reported.map { $0 > deadline } ?? true
    }
}
