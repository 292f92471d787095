# netcat port probes: a background `nc -l` listener (TCP and UDP) and `nc -z` against an open
# and a closed port; a closed TCP port is refused at once, UDP probes always "succeed".
ip netns add srv
ip netns add cli
ip link add eth0 netns srv type veth peer name eth0 netns cli
ip netns exec srv ip link set dev eth0 address 02:00:00:00:0a:01
ip netns exec cli ip link set dev eth0 address 02:00:00:00:0b:01
ip netns exec srv ip addr add 10.77.0.1/24 dev eth0
ip netns exec cli ip addr add 10.77.0.2/24 dev eth0
ip netns exec srv ip link set eth0 up
ip netns exec cli ip link set eth0 up
ip netns exec srv ip link set lo up
ip netns exec cli ip link set lo up
ip netns exec srv nc -l 8080 &
ip netns exec srv nc -l -k 9090 &
ip netns exec srv nc -u -l 5353 &
ip netns exec cli nc -z -w 1 10.77.0.1 9090
ip netns exec cli nc -z -w 1 10.77.0.1 9091
ip netns exec cli nc -zv -w 1 10.77.0.1 9090
ip netns exec cli nc -zv -w 1 10.77.0.1 9091
ip netns exec cli nc -z -u -w 1 10.77.0.1 5353
ip netns exec cli nc -z -u -w 1 10.77.0.1 5354
ip netns exec cli nc -z -w 2 10.77.0.9 80
ip netns exec cli nc -z -w 1 10.78.0.1 80
ip netns exec srv nc -z -w 1 127.0.0.1 8080
ip netns exec cli nc -z -w 1 10.77.0.1 8080
