package org.podloop.identity;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.springframework.util.ReflectionUtils;

/**
 * Camunda checks no authorization when a comment or an attachment is added to a task or process
 * instance, or an attachment changed or removed: anyone signed in could write into any pod's task, and
 * governance (which may only read pod tasks) too. Here such a write needs what working the task needs
 * ({@code TASK_WORK}), or, on a process instance, {@code UPDATE}. The commands keep their targets in
 * protected fields, read here by reflection, the one place that knows that engine detail.
 */
class TaskNotesNeedTaskWork extends CommandInterceptor {

    private static final Field COMMENT_TASK = field(AddCommentCmd.class, "taskId");
    private static final Field COMMENT_INSTANCE = field(AddCommentCmd.class, "processInstanceId");
    private static final Field ATTACHMENT_TASK = field(CreateAttachmentCmd.class, "taskId");
    private static final Field ATTACHMENT_INSTANCE = field(CreateAttachmentCmd.class, "processInstanceId");
    private static final Field DELETED_ATTACHMENT = field(DeleteAttachmentCmd.class, "attachmentId");
    private static final Field SAVED_ATTACHMENT = field(SaveAttachmentCmd.class, "attachment");

    @Override
    public <T> T execute(Command<T> command) {
        CommandContext context = Context.getCommandContext();
        if (context != null && context.isAuthorizationCheckEnabled() && context.getAuthentication() != null) {
            if (command instanceof AddCommentCmd) {
                require(context, (String) get(COMMENT_TASK, command), (String) get(COMMENT_INSTANCE, command));
            } else if (command instanceof CreateAttachmentCmd) {
                require(context, (String) get(ATTACHMENT_TASK, command), (String) get(ATTACHMENT_INSTANCE, command));
            } else if (command instanceof DeleteAttachmentCmd) {
                requireFor(context, context.getDbEntityManager().selectById(AttachmentEntity.class, (String) get(DELETED_ATTACHMENT, command)));
            } else if (command instanceof SaveAttachmentCmd && get(SAVED_ATTACHMENT, command) instanceof Attachment attachment) {
                requireFor(context, context.getDbEntityManager().selectById(AttachmentEntity.class, attachment.getId()));
            }
        }
        return next.execute(command);
    }

    private static void requireFor(CommandContext context, Attachment attachment) {
        if (attachment != null) {
            require(context, attachment.getTaskId(), attachment.getProcessInstanceId());
        }
    }

    private static void require(CommandContext context, String taskId, String processInstanceId) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            if (task != null) {
                checker.checkTaskWork(task);
            } else if (processInstanceId != null) {
                checker.checkUpdateProcessInstanceById(processInstanceId);
            }
        }
    }

    private static Object get(Field field, Object command) {
        return ReflectionUtils.getField(field, command);
    }

    private static Field field(Class<?> type, String name) {
        Field field = ReflectionUtils.findField(type, name);
        if (field == null) {
            throw new IllegalStateException("this Camunda version has no " + type.getSimpleName() + "." + name
                    + "; check TaskNotesNeedTaskWork against the engine's comment and attachment commands");
        }
        ReflectionUtils.makeAccessible(field);
        return field;
    }
}
