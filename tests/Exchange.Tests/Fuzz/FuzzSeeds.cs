namespace TradingBot.Exchange.Tests.Fuzz;

/// <summary>Fixed, platform-independent seeds per fuzz target (string.GetHashCode is randomised per process).</summary>
internal static class FuzzSeeds
{
    public static int For(string target)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in target)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash & 0x7fffffff;
        }
    }
}
