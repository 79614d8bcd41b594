using System.Diagnostics.Metrics;

namespace TradingBot.Runtime.Metrics;

/// <summary>System.Diagnostics.Metrics instruments of the meter "TradingBot.Runtime", named after Orleans' catalog.</summary>
internal sealed class RuntimeInstruments : IDisposable
{
    public const string MeterName = "TradingBot.Runtime";

    public RuntimeInstruments(RuntimeMetrics metrics)
    {
        // Every runtime in the process publishes under the same meter name; the scope tells a listener whose it is.
        Meter = new Meter(new MeterOptions(MeterName) { Scope = metrics });
        ActivationCreated = Meter.CreateCounter<long>("orleans-catalog-activation-created");
        ActivationDestroyed = Meter.CreateCounter<long>("orleans-catalog-activation-destroyed");
        ActivationFailed = Meter.CreateCounter<long>("orleans-catalog-activation-failed-to-activate");
        ActivationCollections = Meter.CreateCounter<long>("orleans-catalog-activation-collections");
        RequestLatency = Meter.CreateHistogram<double>("orleans-app-requests-latency", "ms");
        TimedOut = Meter.CreateCounter<long>("orleans-app-requests-timedout");
        Rejected = Meter.CreateCounter<long>("orleans-messaging-rejected");
        QueueDelay = Meter.CreateHistogram<double>("orleans-scheduler-queue-delay", "ms");
        StorageReadLatency = Meter.CreateHistogram<double>("orleans-storage-read-latency", "ms");
        StorageWriteLatency = Meter.CreateHistogram<double>("orleans-storage-write-latency", "ms");
        StorageClearLatency = Meter.CreateHistogram<double>("orleans-storage-clear-latency", "ms");
        StorageReadErrors = Meter.CreateCounter<long>("orleans-storage-read-errors");
        StorageWriteErrors = Meter.CreateCounter<long>("orleans-storage-write-errors");
        StorageClearErrors = Meter.CreateCounter<long>("orleans-storage-clear-errors");
        StreamPublished = Meter.CreateCounter<long>("orleans-streams-published");
        StreamDelivered = Meter.CreateCounter<long>("orleans-streams-delivered");
        StreamRetries = Meter.CreateCounter<long>("orleans-streams-delivery-retries");
        StreamDeadLetters = Meter.CreateCounter<long>("orleans-streams-dead-letters");
        Meter.CreateObservableGauge("orleans-catalog-activations", metrics.TotalActivations);
        Meter.CreateObservableGauge("orleans-scheduler-mailbox-depth", metrics.TotalMailboxDepth);
        Meter.CreateObservableGauge("orleans-streams-queue-cache-length", metrics.TotalStreamLag);
    }

    public Meter Meter { get; }

    public Counter<long> ActivationCreated { get; }

    public Counter<long> ActivationDestroyed { get; }

    public Counter<long> ActivationFailed { get; }

    public Counter<long> ActivationCollections { get; }

    public Histogram<double> RequestLatency { get; }

    public Counter<long> TimedOut { get; }

    public Counter<long> Rejected { get; }

    public Histogram<double> QueueDelay { get; }

    public Histogram<double> StorageReadLatency { get; }

    public Histogram<double> StorageWriteLatency { get; }

    public Histogram<double> StorageClearLatency { get; }

    public Counter<long> StorageReadErrors { get; }

    public Counter<long> StorageWriteErrors { get; }

    public Counter<long> StorageClearErrors { get; }

    public Counter<long> StreamPublished { get; }

    public Counter<long> StreamDelivered { get; }

    public Counter<long> StreamRetries { get; }

    public Counter<long> StreamDeadLetters { get; }

    public void Dispose() => Meter.Dispose();
}
