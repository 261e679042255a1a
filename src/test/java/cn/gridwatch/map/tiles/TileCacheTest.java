package cn.gridwatch.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TileCacheTest {
    private static TileCache.Key key(int x, long version) {
        return new TileCache.Key("mvt", "", "grid_city", 5, x, 0, version, "");
    }

    private static Tile tile(int size, long version) {
        return new Tile(new byte[size], version, "\"v" + version + "-0\"");
    }

    @Test
    void the_least_recently_used_tiles_go_first_when_the_bytes_run_out() {
        TileCache cache = new TileCache(300);
        cache.put(key(1, 1), tile(100, 1));
        cache.put(key(2, 1), tile(100, 1));
        cache.put(key(3, 1), tile(100, 1));
        cache.get(key(1, 1)); // 2 is now the oldest
        cache.put(key(4, 1), tile(100, 1));
        assertThat(cache.get(key(2, 1))).isNull();
        assertThat(cache.get(key(1, 1))).isNotNull();
        assertThat(cache.get(key(4, 1))).isNotNull();
        assertThat(cache.bytes()).isEqualTo(300);
    }

    @Test
    void a_new_grid_version_is_a_different_key_so_an_old_tile_is_never_found_for_it() {
        TileCache cache = new TileCache(1000);
        cache.put(key(1, 7), tile(10, 7));
        assertThat(cache.get(key(1, 8))).isNull();
    }

    @Test
    void the_same_address_in_another_format_or_style_is_another_key() {
        TileCache cache = new TileCache(1000);
        cache.put(key(1, 1), tile(10, 1));
        assertThat(cache.get(new TileCache.Key("png", "outline", "grid_city", 5, 1, 0, 1, ""))).isNull();
        cache.put(new TileCache.Key("png", "outline", "grid_city", 5, 1, 0, 1, ""), tile(20, 1));
        assertThat(cache.get(new TileCache.Key("png", "outline_labels", "grid_city", 5, 1, 0, 1, ""))).isNull();
        assertThat(cache.get(key(1, 1)).bytes()).hasSize(10);
    }

    @Test
    void a_tile_bigger_than_the_whole_cache_is_not_kept_and_replacing_a_key_counts_bytes_once() {
        TileCache cache = new TileCache(100);
        cache.put(key(1, 1), tile(101, 1));
        assertThat(cache.size()).isZero();
        cache.put(key(2, 1), tile(60, 1));
        cache.put(key(2, 1), tile(40, 1));
        assertThat(cache.bytes()).isEqualTo(40);
        assertThat(cache.size()).isEqualTo(1);
    }
}
