namespace TradingBot.Runtime.Tests.Storage;

public sealed class ConformanceState
{
    public int Value { get; set; }

    public string Name { get; set; } = string.Empty;

    public List<int> Items { get; set; } = [];
}

public sealed class TestGrainState<T>(T state) : IGrainState<T>
{
    public T State { get; set; } = state;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}

/// <summary>
/// The rules of Orleans' GrainStorageTestRunner (docs §1.6), one test each. Every store runs the same list.
/// </summary>
public abstract class GrainStorageConformance
{
    protected abstract IGrainStorage Storage { get; }

    private static GrainId NewId() => new("conformance", Guid.NewGuid().ToString("N"));

    private static TestGrainState<ConformanceState> Fresh() => new(new ConformanceState());

    [Fact]
    public async Task Reading_a_never_written_record_gives_default_state_null_etag_and_no_record()
    {
        var state = new TestGrainState<ConformanceState>(null!);
        await Storage.ReadStateAsync("s", NewId(), state);

        state.RecordExists.Should().BeFalse();
        state.ETag.Should().BeNull();
        state.State.Should().NotBeNull();
        state.State.Value.Should().Be(0);
    }

    [Fact]
    public async Task Write_then_read_round_trips_state_and_etag()
    {
        var id = NewId();
        var written = Fresh();
        written.State.Value = 42;
        written.State.Items = [1, 2, 3];
        await Storage.WriteStateAsync("s", id, written);

        var read = Fresh();
        await Storage.ReadStateAsync("s", id, read);

        read.RecordExists.Should().BeTrue();
        read.ETag.Should().Be(written.ETag).And.NotBeNull();
        read.State.Value.Should().Be(42);
        read.State.Items.Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task Write_with_null_etag_when_the_record_exists_throws_InconsistentState()
    {
        var id = NewId();
        await Storage.WriteStateAsync("s", id, Fresh());

        var secondActivation = Fresh();
        secondActivation.State.Value = 7;
        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("s", id, secondActivation));
        ex.StoredEtag.Should().Be("1");
        ex.CurrentEtag.Should().BeNull();
    }

    [Fact]
    public async Task Write_with_stale_etag_throws_and_leaves_the_stored_value_untouched()
    {
        var id = NewId();
        var a = Fresh();
        a.State.Value = 1;
        await Storage.WriteStateAsync("s", id, a);
        var stale = new TestGrainState<ConformanceState>(new ConformanceState { Value = 99 }) { ETag = a.ETag };
        a.State.Value = 2;
        await Storage.WriteStateAsync("s", id, a);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("s", id, stale));

        var read = Fresh();
        await Storage.ReadStateAsync("s", id, read);
        read.State.Value.Should().Be(2);
        read.ETag.Should().Be(a.ETag);
    }

    [Fact]
    public async Task Clear_with_stale_etag_throws_and_leaves_the_stored_value_untouched()
    {
        var id = NewId();
        var a = Fresh();
        a.State.Value = 5;
        await Storage.WriteStateAsync("s", id, a);
        var stale = new TestGrainState<ConformanceState>(new ConformanceState()) { ETag = a.ETag };
        await Storage.WriteStateAsync("s", id, a);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync("s", id, stale));

        var read = Fresh();
        await Storage.ReadStateAsync("s", id, read);
        read.RecordExists.Should().BeTrue();
        read.State.Value.Should().Be(5);
    }

    [Fact]
    public async Task Every_write_changes_the_etag_even_with_identical_values()
    {
        var id = NewId();
        var state = Fresh();
        var etags = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            await Storage.WriteStateAsync("s", id, state);
            etags.Add(state.ETag);
        }

        etags.Should().OnlyHaveUniqueItems().And.NotContainNulls();
    }

    [Fact]
    public async Task Clear_changes_the_etag_keeps_a_fresh_default_state_and_RecordExists_false()
    {
        var id = NewId();
        var state = Fresh();
        state.State.Value = 3;
        await Storage.WriteStateAsync("s", id, state);
        var before = state.ETag;

        await Storage.ClearStateAsync("s", id, state);

        state.ETag.Should().NotBe(before);
        state.RecordExists.Should().BeFalse();
        state.State.Should().NotBeNull();
        state.State.Value.Should().Be(0);
        var read = Fresh();
        await Storage.ReadStateAsync("s", id, read);
        read.RecordExists.Should().BeFalse();
        read.ETag.Should().Be(state.ETag);
        read.State.Value.Should().Be(0);
    }

    [Fact]
    public async Task Clear_before_any_write_succeeds()
    {
        var state = Fresh();
        await Storage.ClearStateAsync("s", NewId(), state);
        state.RecordExists.Should().BeFalse();
        state.State.Should().NotBeNull();
    }

    [Fact]
    public async Task Clear_is_idempotent()
    {
        var id = NewId();
        var state = Fresh();
        await Storage.WriteStateAsync("s", id, state);
        await Storage.ClearStateAsync("s", id, state);
        await Storage.ClearStateAsync("s", id, state);
        state.RecordExists.Should().BeFalse();

        state.State.Value = 11;
        await Storage.WriteStateAsync("s", id, state);
        var read = Fresh();
        await Storage.ReadStateAsync("s", id, read);
        read.State.Value.Should().Be(11, "writing with the etag from the clear works");
    }

    [Fact]
    public async Task Different_state_names_on_one_grain_are_independent_records()
    {
        var id = NewId();
        var a = Fresh();
        a.State.Value = 1;
        var b = Fresh();
        b.State.Value = 2;
        await Storage.WriteStateAsync("alpha", id, a);
        await Storage.WriteStateAsync("beta", id, b);
        await Storage.ClearStateAsync("alpha", id, a);

        var readB = Fresh();
        await Storage.ReadStateAsync("beta", id, readB);
        readB.State.Value.Should().Be(2);
        readB.RecordExists.Should().BeTrue();
    }

    [Fact]
    public async Task Parallel_writes_and_reads_over_many_grains_stay_consistent()
    {
        var ids = Enumerable.Range(0, 20).Select(_ => NewId()).ToArray();
        await Task.WhenAll(ids.Select((id, i) => Task.Run(async () =>
        {
            var state = Fresh();
            for (var round = 1; round <= 5; round++)
            {
                state.State.Value = (i * 100) + round;
                await Storage.WriteStateAsync("s", id, state);
                var read = Fresh();
                await Storage.ReadStateAsync("s", id, read);
                read.State.Value.Should().Be(state.State.Value);
                read.ETag.Should().Be(state.ETag);
            }
        })));

        for (var i = 0; i < ids.Length; i++)
        {
            var read = Fresh();
            await Storage.ReadStateAsync("s", ids[i], read);
            read.State.Value.Should().Be((i * 100) + 5);
            read.ETag.Should().Be("5");
        }
    }
}

public sealed class MemoryGrainStorageConformance : GrainStorageConformance
{
    protected override IGrainStorage Storage { get; } = new TradingBot.Runtime.Storage.MemoryGrainStorage();
}

public sealed class SqliteGrainStorageConformance : GrainStorageConformance, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"tb-conformance-{Guid.NewGuid():N}.db");
    private readonly TradingBot.Runtime.Storage.SqliteGrainStorage _storage;

    public SqliteGrainStorageConformance()
    {
        _storage = new TradingBot.Runtime.Storage.SqliteGrainStorage(new TradingBot.Runtime.Storage.SqliteGrainStorageOptions { DataSource = _path });
    }

    protected override IGrainStorage Storage => _storage;

    public void Dispose()
    {
        _storage.Dispose();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
