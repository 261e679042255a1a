#!/usr/bin/env python3
"""Summarises jdk.ExecutionSample and jdk.NativeMethodSample events (from
`jfr print --json --stack-depth 64 --events jdk.ExecutionSample,jdk.NativeMethodSample`).

Java samples are threads running Java code; native samples are threads inside native methods, which
is both work (zlib deflate, Java2D mask fills) and waiting (socket reads); only native samples whose
stack holds gridwatch code under Jetty (request work, e.g. deflate or a database read) are counted.

Prints the share of samples per area of a GetMap (the first of encoding, rendering, reading
features, ... with a method on the sample's stack), then the hottest methods by self
samples (top frame) and by inclusive samples (anywhere in the stack, counted once per sample).
Usage: jfr_summary.py samples.json [top]
"""
import json
import sys
from collections import Counter

# (area, substrings of "class.method"); a sample belongs to the first area in this list with a
# method anywhere on its stack, so an area is everything below its entry point.
AREAS = [
    ("PNG/JPEG encoding", ("ImageEncoder.encode", "PngEncoder.")),
    ("legend", ("WmsService.legend", "Legend.")),
    ("rendering (Java2D, shapes, labels)", ("MapRenderer.render",)),
    ("reading features (database, WKB, snapshot)", ("FeatureSource.", "GridFeatureSource.", "SnapshotSource.",
                                                     "TableFeatureSource.", "GridLayerIndex.")),
    ("request parsing, auth, ETag", ("WmsController.", "AccessFilter.", "GetMapRequest.")),
    ("Jetty/Javalin I/O", ("org.eclipse.jetty.", "io.javalin.")),
]


def frame_name(frame):
    m = frame.get("method", {})
    t = m.get("type", {}).get("name", "?").replace("/", ".")
    return t + "." + m.get("name", "?")


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    events = doc["recording"]["events"]
    self_count = Counter()
    incl_count = Counter()
    areas = Counter()
    n = 0
    native = Counter()
    for e in events:
        st = e["values"].get("stackTrace")
        if e.get("type") == "jdk.NativeMethodSample":
            frames = [frame_name(fr) for fr in (st or {}).get("frames", [])]
            if any(fr.startswith("cn.gridwatch.") for fr in frames) and any("org.eclipse.jetty" in fr for fr in frames):
                area = next((a for a, keys in AREAS if any(k in fr for fr in frames for k in keys)),
                            "other request work")
                native[area + " (native: " + frames[0] + ")"] += 1
            continue
        if not st:
            continue
        frames = [frame_name(fr) for fr in st.get("frames", [])]
        if not frames:
            continue
        thread = e["values"].get("sampledThread", {}) or {}
        tname = thread.get("javaName") or thread.get("osName") or ""
        if "JettyServerThreadPool" not in tname and "qtp" not in tname and not any(
                "org.eclipse.jetty" in fr for fr in frames):
            areas["not a request thread (" + (tname.split("-")[0] or "?") + ")"] += 1
            n += 1
            self_count[frames[0]] += 1
            continue
        n += 1
        self_count[frames[0]] += 1
        for name in set(frames):
            incl_count[name] += 1
        area = next((a for a, keys in AREAS if any(k in fr for fr in frames for k in keys)), "other request work")
        areas[area] += 1
    print(f"{n} Java execution samples")
    print("\n| area | samples | share |\n|---|---|---|")
    for a, c in areas.most_common():
        print(f"| {a} | {c} | {100.0 * c / n:.1f} % |")
    if native:
        print(f"\nNative samples of request work ({sum(native.values())}; not in the table above):")
        for a, c in native.most_common(10):
            print(f"{c:6d}  {a}")
    print(f"\nTop {top} by self samples (Java):")
    for name, c in self_count.most_common(top):
        print(f"{100.0 * c / n:5.1f} %  {name}")
    print(f"\nTop {top} by inclusive samples (gridwatch, java.awt/sun.java2d, javax.imageio, java.util.zip, jts, postgresql):")
    keep = ("cn.gridwatch", "sun.java2d", "java.awt", "javax.imageio", "com.sun.imageio", "java.util.zip",
            "org.locationtech", "org.postgresql", "sun.awt", "sun.font")
    shown = 0
    for name, c in incl_count.most_common():
        if any(name.startswith(k) for k in keep):
            print(f"{100.0 * c / n:5.1f} %  {name}")
            shown += 1
            if shown >= top:
                break


if __name__ == "__main__":
    main()
