#!/usr/bin/env python3
"""Makes the demo's bundled history (server/src/main/resources/demo/history.csv) from the real
samples in ../shared/data: New York's 311 requests of 2023-02-28 and the six cities' GeoReport
samples of 2019. Only rows whose service matches one of the demo's services are kept, mapped onto
its codes; each source's places are moved (and shrunk) onto Demo City's map around Washington,
DC; times, statuses, close times and New York's resolution notes are the real ones (the server
moves the times forward by whole weeks when it first stores them, so the newest falls in the
week before; see app.DemoHistory).
Run from the repository: python3 server/src/demo/history.py [SHARED_DATA_FOLDER]
"""
import csv, sys, os
from datetime import datetime
from zoneinfo import ZoneInfo

ROOT = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "../../../../shared/data")
OUT = os.path.join(ROOT, "../main/resources/demo/history.csv")
CENTER = (38.9072, -77.0369)   # the demo's map centre (map.center_lat/lon defaults)
SHRINK = 0.5                   # each source's spread, halved to fit a smaller city
NY = ZoneInfo("America/New_York")

# New York complaint types (and descriptors) onto the demo's service codes.
NYC = {
    ("Street Condition", "Pothole"): "S0301",
    ("Sidewalk Condition", None): "S0361", ("Curb Condition", None): "S0361",
    ("Root/Sewer/Sidewalk Condition", None): "S0361",
    ("Snow or Ice", None): "SRC01",
    ("Street Light Condition", None): "S05SL",
    ("Traffic Signal Condition", None): "SIGTRAMA",
    ("Residential Disposal Complaint", None): "S0441",
    ("Electronics Waste Appointment", None): "S0031",
    ("Derelict Vehicles", None): "S0000", ("Abandoned Vehicle", None): "S0000",
    ("Broken Parking Meter", None): "S0276",
    ("Damaged Tree", None): "S0457", ("Overgrown Tree/Branches", None): "S0457",
    ("Dead/Dying Tree", None): "S0459",
    ("Graffiti", None): "GRAFF",
    ("Illegal Posting", None): "S0185",
    ("Dead Animal", None): "11",
    ("Rodent", None): "S0311",
}
# The six cities' service names onto the demo's codes.
CITIES = {
    "Pothole": "S0301", "Potholes, Other Street Repair": "S0301",
    "Sidewalk Obstruction/Repair": "S0361", "Sidewalk & Curb Complaints": "S0361", "Curb & Sidewalk Issues": "S0361",
    "Street Light Out Complaint": "S05SL", "Street Lights": "S05SL", "Streetlight": "S05SL",
    "Alley Light Out Complaint": "S05AL",
    "Traffic Signals": "SIGTRAMA", "Traffic Signal": "SIGTRAMA", "Traffic Signal Out Complaint": "SIGTRAMA",
    "Missed Trash or Recycling": "S0441", "Trash": "S0441", "Recycling": "S0321",
    "Schedule a Bulk Item Pickup": "S0031",
    "Abandoned Vehicle": "S0000", "Abandoned Motor Vehicles": "S0000", "Abandoned Vehicle Complaint": "S0000",
    "Public Trees": "S0457", "Tree Maintenance": "S0457", "Tree Debris": "S0457",
    "Graffiti": "GRAFF", "Graffiti Removal Request": "GRAFF",
    "Temporary Signage w/o permit": "S0185",
    "Dead Animal Pick-up": "11", "Dead Animal Pick-Up Request": "11",
    "Rodent Baiting/Rat Complaint": "S0311", "Rodent Activity": "S0311",
}
CITY_PREFIX = {"Bloomington_IN": "blm", "Boston_MA": "bos", "Brookline, MA": "brk", "Chicago, IL": "chi",
               "Peoria_IL": "peo", "San Francisco_CA": "sfo"}


def nyc_time(v):
    return datetime.strptime(v, "%m/%d/%Y %I:%M:%S %p").replace(tzinfo=NY) if v else None


def mover(points):
    lat0 = sum(p[0] for p in points) / len(points)
    lon0 = sum(p[1] for p in points) / len(points)
    return lambda lat, lon: (round(CENTER[0] + (lat - lat0) * SHRINK, 6), round(CENTER[1] + (lon - lon0) * SHRINK, 6))


def repaired(text):
    """Text that was UTF-8 read once as Latin-1 (as some of New York's notes are), read back."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def street(address):
    return address.split(",")[0].strip().title() if address else ""


out = []
with open(os.path.join(DATA, "nyc-311/nyc-311-2023-02-28-sample.csv"), encoding="utf-8", newline="") as f:
    rows = []
    for r in csv.DictReader(f):
        code = NYC.get((r["Complaint Type"], r["Descriptor"])) or NYC.get((r["Complaint Type"], None))
        if code:
            rows.append((code, r))
    move = mover([(float(r["Latitude"]), float(r["Longitude"])) for _, r in rows if r["Latitude"]])
    for code, r in rows:
        created, closed = nyc_time(r["Created Date"]), nyc_time(r["Closed Date"])
        status = "closed" if r["Status"] == "Closed" else "open"
        if status == "closed" and (closed is None or closed < created):
            continue
        lat, lon = move(float(r["Latitude"]), float(r["Longitude"])) if r["Latitude"] else ("", "")
        detail = r["Descriptor"] + (" (" + r["Location Type"] + ")" if r["Location Type"] else "")
        out.append({"id": "nyc-" + r["Unique Key"], "requested": created.isoformat(), "service_code": code,
                    "description": detail, "agency": r["Agency Name"] or r["Agency"], "status": status,
                    "notes": repaired(r["Resolution Description"]) if status == "closed" else "",
                    "closed": closed.isoformat() if status == "closed" else "",
                    "address": street(r["Incident Address"]) or street(r["Intersection Street 1"]),
                    "lat": lat, "long": lon})

for name in ("sample_311_data_1k_BLM_BRK_PEO.tsv", "sample_311_data_1k_BOS_CHI_SFO.tsv"):
    with open(os.path.join(DATA, "open311-city-samples", name), encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["service_name"] in CITIES and r["city"] in CITY_PREFIX]
    for city in sorted({r["city"] for r in rows}):
        mine = [r for r in rows if r["city"] == city]
        placed = [(float(r["lat"]), float(r["long"])) for r in mine if r["lat"] and float(r["lat"]) != 0]
        move = mover(placed) if placed else None
        for r in mine:
            created = datetime.fromisoformat(r["requested_datetime"])
            updated = datetime.fromisoformat(r["updated_datetime"]) if r["updated_datetime"] else created
            closed = max(created, updated) if r["status"] == "closed" else None
            has_place = move and r["lat"] and float(r["lat"]) != 0
            lat, lon = move(float(r["lat"]), float(r["long"])) if has_place else ("", "")
            out.append({"id": CITY_PREFIX[city] + "-" + r["service_request_id"], "requested": created.isoformat(),
                        "service_code": CITIES[r["service_name"]], "description": r["service_name"], "agency": "",
                        "status": r["status"], "notes": "", "closed": closed.isoformat() if closed else "",
                        "address": street(r["address"]), "lat": lat, "long": lon})

seen = set()
out = [r for r in out if not (r["id"] in seen or seen.add(r["id"]))]  # the samples repeat some ids
out.sort(key=lambda r: r["requested"])
with open(OUT, "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(out[0].keys()), lineterminator="\n")
    w.writeheader()
    w.writerows(out)
print(f"{len(out)} requests written to {os.path.normpath(OUT)}")
