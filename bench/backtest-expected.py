#!/usr/bin/env python3
"""Backtest of the learned expected dates (docs/STATISTICS.md) on real 311 records.

For every closed request of the test half (the later half by creation time), it compares the
actual days to close with three estimates, made only from what was known when the request was
made:
  learned   - the server's rule (domain.stats.ExpectedDates): the median days to close of the
              same service's requests closed in the 90 days before, read from the same
              histogram buckets (hours for three days, then days), once at least 20 closed
              (the pages round it up to whole days; expected_datetime keeps the hours); else no estimate (counted as the constant below, the
              stand-in for a service's sla_days)
  constant  - one number per service: the median days to close of its requests in the
              training half, as a city might write into sla_days
  none      - no estimate (taken as "today": the error is the days it took)
and prints the median absolute error in days of each, overall and where the learned rule had
history. Usage: bench/backtest-expected.py [FILE ...] (NYC CSV or the six cities' TSV).
"""
import csv, math, os, statistics, sys
from datetime import datetime, timezone

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'data')
DAY = 86400.0

def nyc(path):
    with open(path, newline='', encoding='utf-8', errors='replace') as f:
        for row in csv.DictReader(f):
            try:
                made = datetime.strptime(row['Created Date'], '%m/%d/%Y %I:%M:%S %p').replace(tzinfo=timezone.utc)
                if not row['Closed Date']:
                    yield ('nyc', row['Complaint Type'], made.timestamp(), None)
                    continue
                closed = datetime.strptime(row['Closed Date'], '%m/%d/%Y %I:%M:%S %p').replace(tzinfo=timezone.utc)
            except ValueError:
                continue
            yield ('nyc', row['Complaint Type'], made.timestamp(), closed.timestamp())

def cities(path):
    with open(path, newline='', encoding='utf-8', errors='replace') as f:
        for row in csv.DictReader(f, delimiter='\t'):
            try:
                made = datetime.fromisoformat(row['requested_datetime']).timestamp()
                updated = datetime.fromisoformat(row['updated_datetime']).timestamp()
            except (ValueError, TypeError):
                continue
            closed = updated if row['status'] == 'closed' else None
            yield (row['city'], row['service_name'], made, closed)

def bucket(seconds):
    ms = int(seconds * 1000)
    return max(0, ms) // 3600000 if ms < 259200000 else min(69 + ms // 86400000, 1069)

def bucket_days(b, within):
    start = b if b < 72 else (b - 69) * 24.0
    end = b + 1 if b < 72 else (b - 68) * 24.0
    return (start + within * (end - start)) / 24.0

def median_of(buckets):
    n = len(buckets)
    counts = {}
    for b in buckets:
        counts[b] = counts.get(b, 0) + 1
    seen, target = 0, 0.5 * n
    for b in sorted(counts):
        if seen + counts[b] >= target:
            return bucket_days(b, (target - seen) / counts[b])
        seen += counts[b]

def run(rows, label):
    rows = [r for r in rows if r[3] is None or r[3] >= r[2]]
    rows.sort(key=lambda r: r[2])
    if len(rows) < 40:
        return
    half = rows[len(rows) // 2][2]
    train = [r for r in rows if r[2] < half and r[3] is not None]
    constant = {}
    for s in {r[1] for r in train}:
        constant[s] = statistics.median([(r[3] - r[2]) / DAY for r in train if r[1] == s])
    closings = sorted((r[3], r[1], bucket(r[3] - r[2])) for r in rows if r[3] is not None)
    errors = {'learned': [], 'constant': [], 'none': []}
    with_history = {'learned': [], 'constant': [], 'none': []}
    for kind, service, made, closed in rows:
        if made < half or closed is None:
            continue
        actual = (closed - made) / DAY
        recent = [b for (at, s, b) in closings if s == service and made - 90 * DAY <= at < made]
        const = constant.get(service, 0.0)
        learned = median_of(recent) if len(recent) >= 20 else None
        guesses = {'learned': learned if learned is not None else const, 'constant': const, 'none': 0.0}
        for k, g in guesses.items():
            errors[k].append(abs(actual - g))
            if learned is not None:
                with_history[k].append(abs(actual - g))
    def m(xs):
        return '%.2f' % statistics.median(xs) if xs else '-'
    print('%-12s scored=%-5d learned=%-6s constant=%-6s none=%-6s | with history: n=%-5d learned=%-6s constant=%-6s none=%s'
          % (label, len(errors['none']), m(errors['learned']), m(errors['constant']), m(errors['none']),
             len(with_history['none']), m(with_history['learned']), m(with_history['constant']), m(with_history['none'])))

def main():
    files = sys.argv[1:] or [os.path.join(DATA, 'nyc-311', f) for f in sorted(os.listdir(os.path.join(DATA, 'nyc-311')))
                             if f.endswith('.csv')] + [os.path.join(DATA, 'open311-city-samples', f)
                             for f in sorted(os.listdir(os.path.join(DATA, 'open311-city-samples'))) if f.endswith('.tsv')]
    print('median absolute error in days of the expected close date (test half, closed requests)')
    for path in files:
        rows = list(nyc(path) if path.endswith('.csv') else cities(path))
        for place in sorted({r[0] for r in rows}):
            run([r for r in rows if r[0] == place], place)

if __name__ == '__main__':
    main()
