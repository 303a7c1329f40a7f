package org.podloop.identity;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** The Tasklist filters every pod member starts from; created once, left alone after (users may edit them). */
@Component
class TasklistFilters implements SmartInitializingSingleton {

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void afterSingletonsInstantiated() {
        create("My pod's tasks", -10, "Open tasks of the pods and groups you belong to",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        create("Assigned to me", 0, "Tasks you have claimed",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    }

    private void create(String name, int priority, String description, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        filters.saveFilter(filter);
    }
}
