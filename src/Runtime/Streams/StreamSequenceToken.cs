namespace TradingBot.Runtime.Streams;

/// <summary>Position of an item in its stream. Sequence numbers rise monotonically per stream.</summary>
public abstract class StreamSequenceToken : IEquatable<StreamSequenceToken>, IComparable<StreamSequenceToken>
{
    public abstract long SequenceNumber { get; }

    public abstract int EventIndex { get; }

    public bool Newer(StreamSequenceToken other) => CompareTo(other) > 0;

    public bool Older(StreamSequenceToken other) => CompareTo(other) < 0;

    public int CompareTo(StreamSequenceToken? other)
    {
        if (other is null)
        {
            return 1;
        }

        var bySequence = SequenceNumber.CompareTo(other.SequenceNumber);
        return bySequence != 0 ? bySequence : EventIndex.CompareTo(other.EventIndex);
    }

    public bool Equals(StreamSequenceToken? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is StreamSequenceToken other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(SequenceNumber, EventIndex);

    public override string ToString() => $"[{SequenceNumber}:{EventIndex}]";
}

/// <summary>The memory provider's token.</summary>
public sealed class EventSequenceToken(long sequenceNumber, int eventIndex = 0) : StreamSequenceToken
{
    public override long SequenceNumber { get; } = sequenceNumber;

    public override int EventIndex { get; } = eventIndex;
}
