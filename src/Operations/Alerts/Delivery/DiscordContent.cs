using System.Globalization;

namespace TradingBot.Operations.Alerts.Delivery;

/// <summary>Discord rejects <c>content</c> longer than 2000 characters; cut at a character boundary with a marker.</summary>
internal static class DiscordContent
{
    public const int MaxLength = 2000;
    public const string TruncationMarker = "\n…(잘림)";

    public static string Fit(string text, int maxLength = MaxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var budget = maxLength - TruncationMarker.Length;
        var cut = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var end = elements.ElementIndex + ((string)elements.Current).Length;
            if (end > budget)
            {
                break;
            }

            cut = end;
        }

        return string.Concat(text.AsSpan(0, cut), TruncationMarker);
    }
}
