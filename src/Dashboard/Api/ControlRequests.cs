using System.Text.Json;

namespace TradingBot.Dashboard.Api;

/// <summary>Body of <c>PUT /api/control/entries</c>.</summary>
public sealed record EntriesRequest(bool? Allowed);

/// <summary>Body of <c>PUT /api/control/strategies/{strategy}</c>.</summary>
public sealed record StrategyToggleRequest(bool? Enabled);

/// <summary>Body of <c>PUT /api/control/parameters</c>: operational parameter values by key (numbers).</summary>
public sealed record ParametersRequest(IReadOnlyDictionary<string, JsonElement>? Values);

/// <summary>Body of a 400 answer to a parameter update: one entry per rejected key.</summary>
public sealed record ParameterErrorsView(string Error, IReadOnlyList<Ports.Control.ParameterValidationError> Errors);
