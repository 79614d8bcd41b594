using TradingBot.Runtime.Streams;

namespace TradingBot.Runtime;

/// <summary>Builds grain references. Never activates anything: the first call does.</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey;

    TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey;

    TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey;

    /// <summary>A reference to an existing identity, typed as the given interface.</summary>
    TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain;
}

/// <summary>What host code (web UI, backtest driver) uses: grain references plus stream providers.</summary>
public interface IClusterClient : IGrainFactory
{
    IStreamProvider GetStreamProvider(string name);
}
