-- Great-circle (haversine) distance in km between two WGS84 points; null when a coordinate is missing.
-- The same formula as Joblog.Core.Places.GreatCircle, for searches that measure in SQL (job ads by distance from home).
create function distance_km(lat1 double precision, lon1 double precision, lat2 double precision, lon2 double precision)
returns double precision language sql immutable parallel safe
return 2 * 6371.0 * asin(least(1, sqrt(power(sin(radians(lat2 - lat1) / 2), 2)
    + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))));
