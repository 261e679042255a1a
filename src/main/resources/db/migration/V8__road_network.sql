-- Road networks imported from OpenStreetMap (.osm, .osm.gz, .osm.pbf), routable with pgRouting.
-- Geometry in EPSG:4490 (CGCS2000 lon/lat; OSM's WGS84 is taken as the same datum).
-- Vertex and edge ids are numbered 1..n per network, so pgRouting's edge SQL for one network is
-- "select id, source, target, cost, reverse_cost from road_edge where network_id = N".
create extension if not exists pgrouting;

create table road_network (
    id             bigserial primary key,
    name           text        not null unique check (length(name) between 1 and 64),
    source_file    text        not null,
    source_sha256  text        not null,
    source_format  text        not null check (source_format in ('osm', 'osm.gz', 'osm.pbf')),
    imported_at    timestamptz not null default now(),
    imported_by    text        not null,
    osm_nodes      bigint      not null,
    osm_ways       bigint      not null,
    routable_ways  integer     not null,
    vertices       integer     not null,
    edges          integer     not null,
    length_km      double precision not null,
    extent         geometry(Polygon, 4490),
    report         jsonb       not null
);

-- Junctions and dead ends: the OSM nodes where ways were split.
create table road_vertex (
    network_id  bigint not null references road_network (id) on delete cascade,
    id          bigint not null,
    osm_node_id bigint not null,
    geom        geometry(Point, 4490) not null,
    primary key (network_id, id)
);

-- One edge per piece of a way between two junctions. cost / reverse_cost are seconds along /
-- against the geometry's direction; -1 means that direction is not allowed (one-way streets).
create table road_edge (
    network_id   bigint not null references road_network (id) on delete cascade,
    id           bigint not null,
    osm_way_id   bigint not null,
    source       bigint not null,
    target       bigint not null,
    cost         double precision not null,
    reverse_cost double precision not null,
    length_m     double precision not null check (length_m > 0),
    road_class   text    not null,
    speed_kmh    double precision not null check (speed_kmh > 0),
    maxspeed_kmh double precision,
    name         text,
    -- undirected connected component, 0 = the largest; isolated: too small to route to (see RoadClass)
    component    integer not null,
    isolated     boolean not null,
    geom         geometry(LineString, 4490) not null,
    primary key (network_id, id),
    check (cost >= 0 or reverse_cost >= 0)
);

-- nearest-edge (KNN "<->") searches: connected edges first, isolated ones only to explain a failure
create index road_edge_geom on road_edge using gist (geom) where not isolated;
create index road_edge_isolated_geom on road_edge using gist (geom) where isolated;
