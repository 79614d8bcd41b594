using System.Globalization;

namespace TradingBot.Operations.Configuration;

/// <summary>The allowed closed range of one numeric operational key, e.g. <c>Trading:Leverage</c> 1–20.</summary>
public sealed record ParameterRange(string Key, decimal Min, decimal Max, bool WholeNumber = false)
{
    /// <summary><c>0.1–5</c>.</summary>
    public string Text => Min.ToString(CultureInfo.InvariantCulture) + "–" + Max.ToString(CultureInfo.InvariantCulture);

    public bool Contains(decimal value) => value >= Min && value <= Max;
}
