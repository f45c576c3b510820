// The backbone tests stop and start the shared test broker: nothing may run beside them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
