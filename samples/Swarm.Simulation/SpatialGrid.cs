namespace NetGen.Samples.Swarm;

/// <summary>
/// Points on a square torus sorted into square cells at least <c>reach</c> wide, so that the nearest point within
/// reach is found by looking at the 3 × 3 cells around a position instead of at every point. Rebuilt each frame
/// by a counting sort into arrays sized once: no allocation after construction.
/// </summary>
public sealed class SpatialGrid
{
    private readonly float _size;
    private readonly int _cellsPerSide;
    private readonly float _cellsPerUnit;
    private readonly int[] _cellStart;
    private readonly int[] _cellOfPoint;
    private readonly int[] _pointIndex;
    private readonly float[] _sortedX;
    private readonly float[] _sortedY;

    /// <param name="size">The side of the field.</param>
    /// <param name="reach">The farthest distance a query looks.</param>
    /// <param name="capacity">The most points the grid holds.</param>
    public SpatialGrid(float size, float reach, int capacity)
    {
        _size = size;
        _cellsPerSide = Math.Max(1, (int)(size / reach));
        _cellsPerUnit = _cellsPerSide / size;
        _cellStart = new int[_cellsPerSide * _cellsPerSide + 1];
        _cellOfPoint = new int[capacity];
        _pointIndex = new int[capacity];
        _sortedX = new float[capacity];
        _sortedY = new float[capacity];
    }

    /// <summary>Sorts the points (x[i], y[i]) into their cells, replacing what the grid held.</summary>
    public void Build(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        Array.Clear(_cellStart);
        for (int i = 0; i < x.Length; i++)
        {
            int cell = CellOf(x[i], y[i]);
            _cellOfPoint[i] = cell;
            _cellStart[cell]++;
        }

        // Running totals put each cell's end in its slot; placing points back to front then moves it to the start.
        for (int cell = 1; cell < _cellStart.Length - 1; cell++)
        {
            _cellStart[cell] += _cellStart[cell - 1];
        }

        _cellStart[^1] = x.Length;
        for (int i = x.Length - 1; i >= 0; i--)
        {
            int slot = --_cellStart[_cellOfPoint[i]];
            _pointIndex[slot] = i;
            _sortedX[slot] = x[i];
            _sortedY[slot] = y[i];
        }
    }

    /// <summary>
    /// The index of the point nearest to (x, y) within <paramref name="reach"/>, other than <paramref name="exclude"/>,
    /// or −1 if there is none; <paramref name="dx"/>, <paramref name="dy"/> point to it the short way round the torus.
    /// </summary>
    public int FindNearest(float x, float y, float reach, int exclude, out float dx, out float dy)
    {
        int nearest = -1;
        float nearestSquared = reach * reach;
        dx = dy = 0;
        int column = Math.Min((int)(x * _cellsPerUnit), _cellsPerSide - 1);
        int row = Math.Min((int)(y * _cellsPerUnit), _cellsPerSide - 1);
        for (int rowStep = -1; rowStep <= 1; rowStep++)
        {
            int cellRow = Wrap(row + rowStep) * _cellsPerSide;
            for (int columnStep = -1; columnStep <= 1; columnStep++)
            {
                int cell = cellRow + Wrap(column + columnStep);
                for (int slot = _cellStart[cell]; slot < _cellStart[cell + 1]; slot++)
                {
                    float toX = Torus.Offset(_sortedX[slot] - x, _size);
                    float toY = Torus.Offset(_sortedY[slot] - y, _size);
                    float squared = toX * toX + toY * toY;
                    if (squared < nearestSquared && _pointIndex[slot] != exclude)
                    {
                        nearestSquared = squared;
                        nearest = _pointIndex[slot];
                        (dx, dy) = (toX, toY);
                    }
                }
            }
        }

        return nearest;
    }

    private int CellOf(float x, float y) =>
        Math.Min((int)(y * _cellsPerUnit), _cellsPerSide - 1) * _cellsPerSide
        + Math.Min((int)(x * _cellsPerUnit), _cellsPerSide - 1);

    private int Wrap(int cell) => cell < 0 ? cell + _cellsPerSide : cell >= _cellsPerSide ? cell - _cellsPerSide : cell;
}
