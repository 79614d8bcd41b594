using System.Text.Json.Nodes;
using TradingBot.Exchange.Simulator.Hosting;

namespace TradingBot.Exchange.Simulator.Server.Rest;

/// <summary>Replies of the spot-host endpoints the simulator serves next to /fapi (Binance wallet API shapes).</summary>
internal static class SpotAccountShapes
{
    public static JsonObject ApiRestrictions(ApiKeyPermissions permissions) => new()
    {
        ["ipRestrict"] = permissions.IpRestrict,
        ["createTime"] = permissions.CreateTime.ToUnixTimeMilliseconds(),
        ["enableReading"] = permissions.EnableReading,
        ["enableWithdrawals"] = permissions.EnableWithdrawals,
        ["enableInternalTransfer"] = permissions.EnableInternalTransfer,
        ["enableMargin"] = false,
        ["enableFutures"] = permissions.EnableFutures,
        ["permitsUniversalTransfer"] = permissions.PermitsUniversalTransfer,
        ["enableVanillaOptions"] = false,
        ["enableFixApiTrade"] = false,
        ["enableFixReadOnly"] = false,
        ["enableSpotAndMarginTrading"] = permissions.EnableSpotAndMarginTrading,
        ["enablePortfolioMarginTrading"] = false,
    };
}
