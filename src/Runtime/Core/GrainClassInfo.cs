using System.Reflection;
using TradingBot.Runtime.Metrics;
using TradingBot.Runtime.Streams;

namespace TradingBot.Runtime.Core;

/// <summary>Everything the runtime needs to know about one grain class, computed once at registration.</summary>
internal sealed class GrainClassInfo
{
    private readonly Func<IServiceProvider, Activation, Grain> _factory;

    public GrainClassInfo(Type classType, RuntimeMetrics metrics)
    {
        ClassType = classType;
        GrainType = classType.GetCustomAttribute<GrainTypeAttribute>()?.GrainType ?? DefaultTypeName(classType);
        Reentrant = classType.IsDefined(typeof(ReentrantAttribute), inherit: true);
        KeepAlive = classType.IsDefined(typeof(KeepAliveAttribute), inherit: true);
        CollectionAge = classType.GetCustomAttribute<CollectionAgeLimitAttribute>(inherit: true)?.Resolve();
        NoProfiling = classType.IsDefined(typeof(NoProfilingAttribute), inherit: true);
        ImplicitStreamNamespaces = classType.GetCustomAttributes<ImplicitStreamSubscriptionAttribute>(inherit: true).Select(a => a.Namespace).ToArray();
        IsIncomingFilter = typeof(IIncomingGrainCallFilter).IsAssignableFrom(classType);
        GrainInterfaces = classType.GetInterfaces().Where(IsGrainInterface).ToArray();
        Stats = metrics.ForGrainType(GrainType);
        _factory = GrainFactoryBuilder.Build(classType);
    }

    public Type ClassType { get; }

    public string GrainType { get; }

    public bool Reentrant { get; }

    public bool KeepAlive { get; }

    public TimeSpan? CollectionAge { get; }

    public bool NoProfiling { get; }

    public bool IsIncomingFilter { get; }

    public IReadOnlyList<string> ImplicitStreamNamespaces { get; }

    public IReadOnlyList<Type> GrainInterfaces { get; }

    public GrainTypeStats Stats { get; }

    public Grain Create(IServiceProvider services, Activation activation) => _factory(services, activation);

    public static bool IsGrainInterface(Type type) =>
        type.IsInterface && typeof(IGrain).IsAssignableFrom(type) && type != typeof(IGrain) && type != typeof(IGrainWithStringKey)
        && type != typeof(IGrainWithGuidKey) && type != typeof(IGrainWithIntegerKey);

    private static string DefaultTypeName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        if (name.Length > 5 && name.EndsWith("Grain", StringComparison.Ordinal))
        {
            name = name[..^5];
        }

        return name.ToLowerInvariant();
    }
}

/// <summary>Builds a constructor delegate: DI services plus [PersistentState] parameters (primary constructors included).</summary>
internal static class GrainFactoryBuilder
{
    private static readonly MethodInfo s_createState =
        typeof(Activation).GetMethod(nameof(Activation.CreatePersistentState), BindingFlags.Instance | BindingFlags.Public)!;

    public static Func<IServiceProvider, Activation, Grain> Build(Type classType)
    {
        if (classType.IsAbstract || !typeof(Grain).IsAssignableFrom(classType))
        {
            throw new GrainRuntimeConfigurationException($"{classType.FullName} must be a concrete class deriving from Grain.");
        }

        var ctor = classType.GetConstructors(BindingFlags.Instance | BindingFlags.Public)
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault() ?? throw new GrainRuntimeConfigurationException($"{classType.FullName} has no public constructor.");
        var resolvers = ctor.GetParameters().Select(p => BuildResolver(classType, p)).ToArray();
        return (services, activation) =>
        {
            var args = new object?[resolvers.Length];
            for (var i = 0; i < resolvers.Length; i++)
            {
                args[i] = resolvers[i](services, activation);
            }

            try
            {
                return (Grain)ctor.Invoke(args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw ex.InnerException;
            }
        };
    }

    private static Func<IServiceProvider, Activation, object?> BuildResolver(Type classType, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        var stateAttribute = parameter.GetCustomAttribute<PersistentStateAttribute>();
        if (stateAttribute is not null)
        {
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new GrainRuntimeConfigurationException(
                    $"{classType.Name}: parameter '{parameter.Name}' has [PersistentState] but is not IPersistentState<T>.");
            }

            var create = s_createState.MakeGenericMethod(type.GetGenericArguments()[0]);
            var stateName = stateAttribute.StateName;
            var storageName = stateAttribute.StorageName;
            return (_, activation) => create.Invoke(activation, [stateName, storageName]);
        }

        if (type == typeof(IGrainFactory) || type == typeof(IClusterClient))
        {
            return (_, activation) => activation.Runtime.Client;
        }

        if (type == typeof(IGrainContext))
        {
            return (_, activation) => activation;
        }

        return (services, _) =>
        {
            var service = services.GetService(type);
            if (service is not null)
            {
                return service;
            }

            if (parameter.HasDefaultValue)
            {
                return parameter.DefaultValue;
            }

            throw new GrainRuntimeConfigurationException(
                $"{classType.Name}: cannot resolve constructor parameter '{parameter.Name}' of type {type.Name} from services.");
        };
    }
}
