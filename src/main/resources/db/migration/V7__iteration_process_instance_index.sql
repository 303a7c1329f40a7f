-- Every user task's end looks its iteration up by the engine's process instance id (LoopSteps).
create index ix_loop_iterations_process_instance on loop_iterations (process_instance_id);
