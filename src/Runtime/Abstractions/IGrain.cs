namespace TradingBot.Runtime;

/// <summary>Something that has a grain identity: a grain reference (proxy) or a grain instance.</summary>
public interface IAddressable
{
}

/// <summary>Marker for grain interfaces. Methods return <see cref="Task"/> or <see cref="Task{TResult}"/>.</summary>
public interface IGrain : IAddressable
{
}

/// <summary>A grain keyed by a string.</summary>
public interface IGrainWithStringKey : IGrain
{
}

/// <summary>A grain keyed by a <see cref="Guid"/> (stored as its "N" string form).</summary>
public interface IGrainWithGuidKey : IGrain
{
}

/// <summary>A grain keyed by a 64-bit integer (stored as its invariant decimal string).</summary>
public interface IGrainWithIntegerKey : IGrain
{
}
