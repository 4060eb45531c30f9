// The scenarios share one broker and measure delivery counts; running them one at a time keeps them independent.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
