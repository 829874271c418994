//! How loa's parallel loops share work between threads. Owns no data; every step that
//! loops over files, articles or pages in parallel takes its share size from here.

use rayon::prelude::*;

/// The most items of a parallel loop that one thread takes at a time, for loops whose
/// items differ in cost (files, articles, pages). Left to itself, rayon cuts a loop into
/// quarters, and a thread never gives away part of the quarter it is working through:
/// at 100,000 articles the last pages rendered on one core for 4 s while the other had
/// nothing to do.
pub const SHARE: usize = 16;

/// Frees `items` on every core: at 100,000 articles, freeing the pages of a site on one
/// thread kept the other core idle for half a second.
pub fn free_in_parallel<T: Send>(items: Vec<T>) {
    items.into_par_iter().with_max_len(SHARE).for_each(drop);
}
