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

/**
 * Camunda checks no authorization when a comment or an attachment is added to a task or process
 * instance, or an attachment changed or removed: anyone signed in could write into any pod's task, and
 * governance (which may only read pod tasks) too. Here such a write needs what working the task needs
 * ({@code TASK_WORK}), or, on a process instance, {@code UPDATE}. The commands keep their targets in
 * protected fields, read here by reflection, the one place that knows that engine detail.
 */
class TaskNotesNeedTaskWork extends CommandInterceptor {

    private static final Field COMMENT_TASK =
            CommandFields.of(AddCommentCmd.class, "taskId", TaskNotesNeedTaskWork.class);
    private static final Field COMMENT_INSTANCE =
            CommandFields.of(AddCommentCmd.class, "processInstanceId", TaskNotesNeedTaskWork.class);
    private static final Field ATTACHMENT_TASK =
            CommandFields.of(CreateAttachmentCmd.class, "taskId", TaskNotesNeedTaskWork.class);
    private static final Field ATTACHMENT_INSTANCE =
            CommandFields.of(CreateAttachmentCmd.class, "processInstanceId", TaskNotesNeedTaskWork.class);
    private static final Field DELETED_ATTACHMENT =
            CommandFields.of(DeleteAttachmentCmd.class, "attachmentId", TaskNotesNeedTaskWork.class);
    private static final Field SAVED_ATTACHMENT =
            CommandFields.of(SaveAttachmentCmd.class, "attachment", TaskNotesNeedTaskWork.class);

    @Override
    public <T> T execute(Command<T> command) {
        CommandContext context = Context.getCommandContext();
        if (context != null && context.isAuthorizationCheckEnabled() && context.getAuthentication() != null) {
            if (command instanceof AddCommentCmd) {
                require(context, (String) CommandFields.read(COMMENT_TASK, command), (String)
                        CommandFields.read(COMMENT_INSTANCE, command));
            } else if (command instanceof CreateAttachmentCmd) {
                require(context, (String) CommandFields.read(ATTACHMENT_TASK, command), (String)
                        CommandFields.read(ATTACHMENT_INSTANCE, command));
            } else if (command instanceof DeleteAttachmentCmd) {
                requireFor(context, context.getDbEntityManager().selectById(AttachmentEntity.class, (String)
                        CommandFields.read(DELETED_ATTACHMENT, command)));
            } else if (command instanceof SaveAttachmentCmd
                    && CommandFields.read(SAVED_ATTACHMENT, command) instanceof Attachment attachment) {
                requireFor(
                        context, context.getDbEntityManager().selectById(AttachmentEntity.class, attachment.getId()));
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
}
