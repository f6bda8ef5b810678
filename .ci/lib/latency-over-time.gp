# Latency over time through a rolling replacement, one panel per run, written by .ci/rolling-replacement.
#
# Variables (gnuplot -e): out (the file to write: SVG, or PNG when its name ends in .png), runs (run directories, separated by spaces), and for each run
# directory the files the script derives from HAProxy's request log:
#   title        one line: the panel's title
#   buckets.dat  t  p50  p99  max       steady requests that ended 2xx, per 250 ms of start time (s, ms)
#   slow.dat     t  latency             each slow upload that ended 2xx
#   failed.dat   t  latency  status     each request that did not end 2xx (HAProxy logs -1 when nothing came back)
#   events.dat   t  label  kind         kind 1: a new instance in service, 2: a stop signal sent, 3: the load ends
# t is seconds since the load started. A file may be empty; gnuplot then warns and draws the rest.

if (out[strlen(out) - 3:] eq '.png') {
    set terminal pngcairo size 1200, 420 * words(runs) font 'sans,10' background '#ffffff'
} else {
    set terminal svg size 1000, 380 * words(runs) dynamic font 'sans,11' background '#ffffff'
}
set output out
set multiplot layout words(runs), 1

set logscale y
set yrange [0.5:*]
set ylabel 'latency (ms, log scale)'
set xlabel 'seconds since the load started'
set y2range [0:1]
unset y2tics
set key outside right top
set grid ytics lc '#dddddd'

do for [i = 1:words(runs)] {
    dir = word(runs, i)
    set title system(sprintf("cat '%s/title'", dir))
    plot dir.'/buckets.dat' using 1:4 with lines lc '#bbbbbb' title 'steady: max', \
         ''                 using 1:3 with lines lc '#3366cc' lw 1.5 title 'steady: p99', \
         ''                 using 1:2 with lines lc '#109618' lw 1.5 title 'steady: p50', \
         dir.'/slow.dat'    using 1:2 with points pt 7 ps 0.4 lc '#ff9900' title 'slow upload', \
         dir.'/failed.dat'  using 1:($2 < 1 ? 1 : $2) with points pt 2 ps 0.8 lc '#dc3912' title 'failed', \
         dir.'/events.dat'  using ($3 == 1 ? $1 : NaN):(0):(0):(1) axes x1y2 with vectors nohead dt 3 lc '#109618' notitle, \
         ''                 using ($3 == 2 ? $1 : NaN):(0):(0):(1) axes x1y2 with vectors nohead dt 2 lc '#dc3912' notitle, \
         ''                 using ($3 == 3 ? $1 : NaN):(0):(0):(1) axes x1y2 with vectors nohead dt 2 lc '#666666' notitle, \
         ''                 using ($3 == 1 ? $1 : NaN):(0.03):2 axes x1y2 with labels rotate by 90 left offset -0.8, 0 font ',8' notitle, \
         ''                 using ($3 != 1 ? $1 : NaN):(0.97):2 axes x1y2 with labels rotate by 90 right offset -0.8, 0 font ',8' notitle
}
unset multiplot
